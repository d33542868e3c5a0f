// A task parked on sleep(0) already has its next step in the ready queue:
// cancelling it makes that very step raise CancelledError, in the same place
// among the callbacks, whether the step comes later in the current
// iteration or in the next one.
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

async function spinner(name: string): Promise<never> {
  let i = 0;
  try {
    while (true) {
      print(`${name}: step ${i}`);
      i += 1;
      await sleep(0);
    }
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled at step ${i}`);
    throw e;
  }
}

async function canceller(targets: Task<never>[]): Promise<void> {
  await sleep(0);
  print("canceller: cancels early and late");
  for (const t of targets) {
    t.cancel();
  }
  await sleep(0);
  print("canceller: done");
}

async function main(): Promise<void> {
  const loop = getRunningLoop();
  const early = createTask(() => spinner("early"));
  loop.callSoon(tick, loop, 0);
  const targets: Task<never>[] = [];
  const c = createTask(() => canceller(targets));
  const late = createTask(() => spinner("late"));
  targets.push(early, late);
  await gather([early, late, c], { returnExceptions: true });
  print("main: cancelled", early.cancelled(), late.cancelled());
}

await run(main, { clock });
