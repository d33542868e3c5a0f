// Event, Condition and Semaphore bind to the loop they first wait on, as
// Lock does: waiting in another loop is an error naming the primitive; not
// waiting is fine.
import {
  Condition,
  createTask,
  Event,
  getRunningLoop,
  run,
  Semaphore,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

const event = new Event();
const cond = new Condition();
const sem = new Semaphore(0);

async function notifier() {
  await cond.run(() => {
    cond.notify();
  });
}

async function first() {
  const loop = getRunningLoop();
  loop.callSoon(() => event.set());
  await event.wait();
  loop.callSoon(() => sem.release());
  await sem.acquire();
  let t;
  await cond.run(async () => {
    t = createTask(notifier);
    await cond.wait();
  });
  await t;
  print("first:", r(event), r(cond), r(sem));
}

async function second() {
  event.clear();
  for (
    const [name, make] of [
      ["event.wait", () => event.wait()],
      ["sem.acquire", () => sem.acquire()],
    ] as const
  ) {
    try {
      await make();
    } catch (e) {
      print(`second: ${name}:`, e);
    }
  }
  await cond.run(async () => {
    try {
      await cond.wait();
    } catch (e) {
      print("second: cond.wait:", e);
    }
  });
  event.set();
  sem.release();
  print(
    "second: without waiting:",
    await event.wait(),
    await sem.acquire(),
    r(cond),
  );
}

await run(first, { clock });
await run(second, { clock });
