// A task parked on sleep(0) already has its next step in the ready queue:
// cancelling it makes that very step raise CancelledError, in the same place
// among the callbacks, whether the step comes later in the current
// iteration or in the next one. (Generator tasks: `early` gives up its turn
// with a bare `yield`, whose next step is scheduled, `late` with
// `yield* sleep(0)`.)
import {
  CancelledError,
  createTask,
  type EventLoop,
  gather,
  getRunningLoop,
  run,
  sleep,
  type Task,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function tick(loop: EventLoop, n: number): void {
  print(`-- tick ${n}`);
  if (n < 6) {
    loop.callSoon(tick, loop, n + 1);
  }
}

function* spinner(name: string, bare: boolean): Generator<unknown, never> {
  let i = 0;
  try {
    while (true) {
      print(`${name}: step ${i}`);
      i += 1;
      if (bare) yield;
      else yield* sleep(0);
    }
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled at step ${i}`);
    throw e;
  }
}

function* canceller(targets: Task<never>[]): Generator<unknown, void> {
  yield;
  print("canceller: cancels early and late");
  for (const t of targets) {
    t.cancel();
  }
  yield* sleep(0);
  print("canceller: done");
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  const early = createTask(spinner("early", true));
  loop.callSoon(tick, loop, 0);
  const targets: Task<never>[] = [];
  const c = createTask(canceller(targets));
  const late = createTask(spinner("late", false));
  targets.push(early, late);
  yield* gather([early, late, c], { returnExceptions: true });
  print("main: cancelled", early.cancelled(), late.cancelled());
}

await run(main, { clock });
