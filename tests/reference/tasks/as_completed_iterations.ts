// The iterations as_completed() takes: a ticker shows when each task
// finishes and when the loop body receives its result; results that are
// already queued come without waiting.
import {
  asCompleted,
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
  if (n < 10) {
    loop.callSoon(tick, loop, n + 1);
  }
}

async function job(name: string, steps: number): Promise<string> {
  for (let i = 0; i < steps; i++) {
    await sleep(0);
  }
  print(`${name}: finishes`);
  return name;
}

async function main(): Promise<void> {
  const loop = getRunningLoop();
  const tasks = ([["a", 3], ["b", 1], ["c", 1], ["d", 6]] as const).map((
    [n, s],
  ) => createTask(() => job(n, s)));
  loop.callSoon(tick, loop, 0);
  for (const nextResult of asCompleted(tasks)) {
    print("got", await nextResult);
  }
  print("main: done");
}

await run(main, { clock });
