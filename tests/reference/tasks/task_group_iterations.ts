// The iterations a TaskGroup takes, against a ticker: the block ends one
// iteration after its last task finishes (when the body has ended before),
// and at once when its tasks are already done when the body ends.
import {
  type EventLoop,
  getRunningLoop,
  run,
  sleep,
  TaskGroup,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function tick(loop: EventLoop, n: number): void {
  print(`-- tick ${n}`);
  if (n < 10) {
    loop.callSoon(tick, loop, n + 1);
  }
}

async function child(name: string, steps: number): Promise<string> {
  for (let i = 0; i < steps; i++) {
    await sleep(0);
  }
  print(`${name}: ends`);
  return name;
}

async function main(): Promise<void> {
  const loop = getRunningLoop();
  loop.callSoon(tick, loop, 0);
  await new TaskGroup().run((tg) => {
    tg.createTask(() => child("a", 3));
    tg.createTask(() => child("b", 1));
    print("body 1: ends");
  });
  print("group 1: done");
  await new TaskGroup().run(async (tg) => {
    const t = tg.createTask(() => child("c", 0));
    for (let i = 0; i < 3; i++) {
      await sleep(0);
    }
    print("body 2: ends; c done:", t.done());
  });
  print("group 2: done");
}

await run(main, { clock });
