// A TaskGroup waits for all its tasks: they start once the body suspends,
// a task may add tasks to the group while it runs, and the block ends when
// the last one is done. An empty group ends at once. (The group's tasks are
// generator tasks; the body is an async function, `async with`'s form.)
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
  if (n < 7) {
    loop.callSoon(tick, loop, n + 1);
  }
}

function* job(
  name: string,
  steps: number,
  tg?: TaskGroup,
): Generator<unknown, string> {
  print(`${name}: starts`);
  for (let i = 0; i < steps; i++) {
    yield;
  }
  if (tg !== undefined) {
    tg.createTask(job(`${name}.child`, 2));
    print(`${name}: added a child to the group`);
  }
  print(`${name}: done`);
  return name;
}

async function main(): Promise<void> {
  const loop = getRunningLoop();
  const [a, b] = await new TaskGroup().run(async (tg) => {
    const a = tg.createTask(job("a", 2));
    const b = tg.createTask(() => job("b", 1, tg));
    loop.callSoon(tick, loop, 0);
    print("body: created a and b");
    await sleep(0);
    print("body: ends");
    return [a, b];
  });
  print("after the group:", a.result(), b.result());
  await new TaskGroup().run(() => {
    print("empty body");
  });
  print("empty group done");
}

await run(main, { clock });
