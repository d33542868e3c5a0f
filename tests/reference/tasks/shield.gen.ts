// shield(): cancelling the task that awaits a shielded task raises
// CancelledError there at once, but the inner task keeps running and
// completes; cancelling the inner task cancels the shield; the inner task's
// exception comes through; a shield of a done future gives its result.
// (Generator tasks; `shield(gen())` wraps the generator in a task.)
import {
  CancelledError,
  createTask,
  getRunningLoop,
  run,
  shield,
  sleep,
  type Task,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

function* inner(
  name: string,
  steps: number,
  fail = false,
): Generator<unknown, string> {
  for (let i = 0; i < steps; i++) {
    yield* sleep(0);
  }
  if (fail) {
    print(`${name}: raises`);
    throw new ValueError(`${name} failed`);
  }
  print(`${name}: done`);
  return `${name} result`;
}

function* waiter(t: Task<string>): Generator<unknown, string> {
  try {
    return yield* shield(t);
  } catch (e) {
    if (e instanceof CancelledError) {
      print("waiter: cancelled; inner done?", t.done());
    }
    throw e;
  }
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  const t = createTask(inner("inner", 3));
  const w = createTask(waiter(t));
  yield;
  print("main: cancels the waiter");
  w.cancel();
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(
      "main: waiter cancelled",
      w.cancelled(),
      "; inner cancelled",
      t.cancelled(),
    );
  }
  print("main: inner gives", yield* t);

  const t2 = createTask(inner("t2", 3));
  const s = shield(t2);
  yield* sleep(0);
  t2.cancel();
  try {
    yield* s;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: shield of a cancelled task: cancelled", s.cancelled());
  }

  try {
    yield* shield(inner("failing", 1, true));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("main: shield passes on", pyRepr(e));
  }

  const done = loop.createFuture<string>();
  done.setResult("done value");
  print("main: shield of a done future:", yield* shield(done));
}

await run(main, { clock });
