// wait() and notify() need the lock; a condition may share a lock with
// another, and its acquire(), release() and locked() are the lock's.
import { Condition, Lock, run } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

async function main() {
  const cond = new Condition();
  try {
    await cond.wait();
  } catch (e) {
    print("wait:", e);
  }
  for (const call of [() => cond.notify(), () => cond.notifyAll()]) {
    try {
      call();
    } catch (e) {
      print("notify:", e);
    }
  }
  const lock = new Lock();
  const c1 = new Condition(lock);
  const c2 = new Condition(lock);
  print("acquire ->", await c1.acquire(), r(c1), r(c2), r(lock));
  c2.notify();
  c2.release();
  print("released through c2:", r(c1), r(lock));
  await c2.run(() => {
    print("in c2:", r(c1));
  });
  print("after:", r(c2));
}

await run(main, { clock });
