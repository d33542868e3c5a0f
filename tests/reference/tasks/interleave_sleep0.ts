// Three tasks loop on sleep(0) with different step counts: each sleep(0)
// yields exactly one iteration, so they take turns in creation order with
// a ticker between them, and finish one by one.
import {
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
  if (n < 7) {
    loop.callSoon(tick, loop, n + 1);
  }
}

async function stepper(name: string, steps: number): Promise<number> {
  for (let i = 0; i < steps; i++) {
    print(`${name} step ${i}`);
    await sleep(0);
  }
  print(`${name} done`);
  return steps;
}

async function main(): Promise<void> {
  const loop = getRunningLoop();
  loop.callSoon(tick, loop, 0);
  const a = createTask(() => stepper("a", 3));
  const b = createTask(() => stepper("b", 1));
  const c = createTask(() => stepper("c", 2));
  print("main: sum", (await a) + (await b) + (await c));
  await sleep(0);
  print("main: after one more sleep(0)");
}

await run(main, { clock });
