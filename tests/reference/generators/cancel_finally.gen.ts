// Cancellation unwinds the coroutine stack: finally blocks of every nested
// coroutine run, innermost first, and may await while they clean up (a
// second cancel() during the cleanup lands at the cleanup's await). A task
// that cancels itself gets the CancelledError at its next suspension (a
// sleep(0) here), or ends cancelled when it returns right away. (Generator
// tasks and `yield*` sub-generators.)
import {
  CancelledError,
  createTask,
  currentTask,
  type EventLoop,
  getRunningLoop,
  run,
  sleep,
  type Task,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, str } from "../_py.ts";

function tick(loop: EventLoop, n: number): void {
  print(`-- tick ${n}`);
  if (n < 9) {
    loop.callSoon(tick, loop, n + 1);
  }
}

function* leaf(name: string): Generator<unknown, void> {
  try {
    print(`${name}: leaf waits`);
    yield* sleep(10);
  } finally {
    print(`${name}: leaf finally`);
  }
}

function* middle(name: string): Generator<unknown, void> {
  try {
    yield* leaf(name);
  } finally {
    print(`${name}: middle finally, cleans up`);
    yield;
    print(`${name}: middle cleaned up`);
  }
}

function* top(name: string): Generator<unknown, void> {
  try {
    yield* middle(name);
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: top sees CancelledError`);
    throw e;
  } finally {
    print(`${name}: top finally`);
  }
}

function* slowCleanup(): Generator<unknown, void> {
  try {
    yield* sleep(10);
  } finally {
    print("slow_cleanup: first cleanup await");
    try {
      yield* sleep(10);
    } catch (e) {
      if (e instanceof CancelledError) {
        print("slow_cleanup: cancelled again during cleanup");
      }
      // deno-lint-ignore no-unsafe-finally
      throw e;
    }
  }
}

function* selfCancel(thenReturn: boolean): Generator<unknown, string> {
  const me = currentTask()!;
  print(
    "self_cancel: cancel() ->",
    me.cancel("myself"),
    "then_return",
    thenReturn,
  );
  if (thenReturn) {
    return "returned";
  }
  try {
    print("self_cancel: sleep(0)");
    yield* sleep(0);
    print("never printed");
  } catch (e) {
    if (e instanceof CancelledError) {
      print("self_cancel: caught", pyRepr(str(e)));
    }
    throw e;
  }
  return "never";
}

function* outcome(t: Task<unknown>): Generator<unknown, string> {
  try {
    return pyRepr(yield* t);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    return "CancelledError";
  }
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  loop.callSoon(tick, loop, 0);
  const t = createTask(top("t"));
  yield* sleep(0);
  print("main: cancel() ->", t.cancel());
  print("main: t gives", yield* outcome(t));

  const s = createTask(slowCleanup);
  yield;
  s.cancel();
  yield;
  print("main: s still pending:", !s.done());
  s.cancel();
  print("main: s gives", yield* outcome(s), s.cancelling());

  for (const thenReturn of [false, true]) {
    const c = createTask(selfCancel(thenReturn));
    print("main: self_cancel gives", yield* outcome(c), c.cancelled());
  }
}

await run(main, { clock });
