// A BoundedSemaphore refuses a release() above its initial value, a plain
// Semaphore counts on; locked() is also True while a (not cancelled) task
// waits, even with a free slot.
import {
  BoundedSemaphore,
  createTask,
  gather,
  run,
  Semaphore,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

async function main() {
  const bounded = new BoundedSemaphore(2);
  try {
    bounded.release();
  } catch (e) {
    print("bounded:", e, r(bounded));
  }
  await bounded.acquire();
  await bounded.acquire();
  print("bounded:", r(bounded), bounded.locked());
  bounded.release();
  bounded.release();
  try {
    bounded.release();
  } catch (e) {
    print("bounded:", e, r(bounded));
  }

  const sem = new Semaphore(0);
  sem.release();
  sem.release();
  print("plain:", r(sem));
  const z = new Semaphore(0);
  const w = createTask(z.acquire());
  await sleep(0);
  print("waiting:", r(z), z.locked());
  z.release();
  print("released, waiter not run yet:", r(z), z.locked());
  print("waiter ->", await w, r(z));
  const w2 = createTask(z.acquire());
  await sleep(0);
  w2.cancel();
  print("cancelled waiter:", r(z), z.locked());
  await gather([w2], { returnExceptions: true });
  print("after:", r(z), z.locked());
}

await run(main, { clock });
