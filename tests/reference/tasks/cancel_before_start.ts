// A task cancelled before its first step never runs its code: it is not
// cancelled yet right after cancel(), but becomes so on the iteration where
// it would have started, and its done callbacks run after that.
import {
  CancelledError,
  createTask,
  type EventLoop,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function tick(loop: EventLoop, n: number): void {
  print(`-- tick ${n}`);
  if (n < 4) {
    loop.callSoon(tick, loop, n + 1);
  }
}

// deno-lint-ignore require-await
async function never(): Promise<void> {
  print("never printed");
}

async function main(): Promise<void> {
  const loop = getRunningLoop();
  loop.callSoon(tick, loop, 0);
  const t = createTask(never);
  t.addDoneCallback((t) => print("done callback: cancelled", t.cancelled()));
  const other = createTask(() => sleep(0, "other ran"));
  print("cancel() ->", t.cancel(), "and again ->", t.cancel("second"));
  print("cancelling() =", t.cancelling());
  print("right after: done", t.done(), "cancelled", t.cancelled());
  await sleep(0);
  print("one iteration later: done", t.done(), "cancelled", t.cancelled());
  print("other:", await other);
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("await t: CancelledError");
  }
}

await run(main, { clock });
