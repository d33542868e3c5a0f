// What a task does with what its coroutine yields: a bare yield is one
// iteration; anything else that is not a future awaited the right way is
// thrown back into the coroutine as a RuntimeError in the next iteration,
// which the coroutine may catch and go on: a future yielded bare (without
// `yield from`/await), a value, awaiting the task itself, a future of
// another loop. (types.coroutine gives the Python side raw yields; the
// TypeScript side's generators yield directly. Messages that show a task's
// repr are compared by their start.)
import {
  currentTask,
  type EventLoop,
  getRunningLoop,
  run,
} from "../../../mod.ts";
import { clock, newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

function tick(loop: EventLoop, n: number): void {
  print(`-- tick ${n}`);
  if (n < 8) {
    loop.callSoon(tick, loop, n + 1);
  }
}

function message(e: unknown): string {
  if (!(e instanceof Error)) throw e;
  return e.message;
}

function* main(): Generator<unknown, string> {
  const loop = getRunningLoop();
  loop.callSoon(tick, loop, 0);
  const fut = loop.createFuture<string>();
  try {
    yield fut;
  } catch (e) {
    print(
      "future yielded bare:",
      message(e).startsWith("yield was used instead of yield"),
    );
  }
  print("the future is still pending:", !fut.done());
  for (const value of [42, "x", [1, 2]]) {
    try {
      yield value;
    } catch (e) {
      print("value:", message(e));
    }
  }
  print("bare yield gives", yield);
  try {
    yield* currentTask()!;
  } catch (e) {
    print(
      "itself:",
      message(e).startsWith("Task cannot await on itself: <Task"),
    );
  }
  const other = newLoop();
  try {
    yield* other.createFuture();
  } catch (e) {
    print(
      "other loop:",
      message(e).startsWith("Task <Task"),
      message(e).endsWith("attached to a different loop"),
    );
  }
  other.close();
  loop.callSoon((v) => fut.setResult(v), "set");
  print("main: the future gives", yield* fut);
  return "main survived";
}

print(await run(main, { clock }));
