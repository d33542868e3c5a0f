// Sleeps chained from one another: each step is set off by the previous
// one's wake-up, so the order holds however late the loop wakes. A long
// sleep is cancelled from the chain; its timer never fires. Two sleeps
// that run side by side aim at deadlines from the same moment, so that a
// busy machine cannot turn them around. (Generator tasks.)
import {
  CancelledError,
  type EventLoop,
  getRunningLoop,
  run,
  sleep,
  type Task,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function* longSleeper(): Generator<unknown, void> {
  try {
    yield* sleep(10);
    print("never printed");
  } catch (e) {
    if (e instanceof CancelledError) print("long: sleep(10) cancelled");
    throw e;
  }
}

function* second(
  loop: EventLoop,
  target: Task<void>,
  base: number,
): Generator<unknown, string> {
  print("second: starts, sleeps until base + 0.03");
  yield* sleep(base + 0.03 - loop.time());
  print("second: woke; cancels long");
  target.cancel();
  return "second";
}

function* first(
  loop: EventLoop,
  target: Task<void>,
): Generator<unknown, string> {
  print("first: sleeps 0.02");
  yield* sleep(0.02);
  print("first: woke; starts second");
  const base = loop.time();
  const t = loop.createTask(second(loop, target, base));
  print("first: sleeps until base + 0.01");
  yield* sleep(base + 0.01 - loop.time());
  print("first: woke again; second done?", t.done());
  return yield* t;
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  const t0 = loop.time();
  const target = loop.createTask(longSleeper);
  const chain = loop.createTask(first(loop, target));
  print("main: chain gives", yield* chain);
  try {
    yield* target;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: long cancelled", target.cancelled());
  }
  print("main: less than 10 s passed:", loop.time() - t0 < 10);
}

await run(main, { clock });
