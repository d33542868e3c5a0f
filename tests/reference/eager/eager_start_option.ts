// eagerStart: true asks one task to start eagerly (asyncio's
// Task(..., eager_start=True); 3.14's create_task(eager_start=True)),
// without a task factory. It starts eagerly only while its loop runs:
// created before the loop runs, it is scheduled as usual. A task that fails
// in its steps keeps it to itself: the creator goes on.
import { currentTask, gather, sleep, Task } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print, ValueError } from "../_py.ts";
import type { EventLoop } from "../../../mod.ts";

function name(): string {
  return currentTask()?.getName() ?? "-";
}

async function child(label: string): Promise<void> {
  print(`${label}: first step in ${name()}`);
  await sleep(0);
  print(`${label}: second step in ${name()}`);
}

async function failing(): Promise<void> {
  print("failing: first step");
  await sleep(0);
  throw new ValueError("boom");
}

async function main(loop: EventLoop): Promise<void> {
  const lazy = new Task(() => child("lazy"), { loop, name: "lazy" });
  const eager = new Task(() => child("eager"), {
    loop,
    name: "eager",
    eagerStart: true,
  });
  print("main: created both");
  const bad = new Task(failing, { loop, eagerStart: true });
  print("main: created failing");
  await gather([lazy, eager]);
  try {
    await bad;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("failing raised", e);
  }
}

const loop = newLoop();
const early = new Task(() => child("early"), {
  loop,
  name: "early",
  eagerStart: true,
});
print("before the loop runs, early is scheduled");
await loop.runUntilComplete(() => main(loop));
await loop.runUntilComplete(early);
loop.close();
