// A BoundedSemaphore refuses a release() above its initial value, a plain
// Semaphore counts on; locked() is also True while a (not cancelled) task
// waits, even with a free slot. (Generator tasks.)
import {
  BoundedSemaphore,
  createTask,
  gather,
  run,
  Semaphore,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

function* main() {
  const bounded = new BoundedSemaphore(2);
  try {
    bounded.release();
  } catch (e) {
    print("bounded:", e, r(bounded));
  }
  yield* bounded.acquire();
  yield* bounded.acquire();
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
  yield;
  print("waiting:", r(z), z.locked());
  z.release();
  print("released, waiter not run yet:", r(z), z.locked());
  print("waiter ->", yield* w, r(z));
  const w2 = createTask(z.acquire());
  yield;
  w2.cancel();
  print("cancelled waiter:", r(z), z.locked());
  yield* gather([w2], { returnExceptions: true });
  print("after:", r(z), z.locked());
}

await run(main, { clock });
