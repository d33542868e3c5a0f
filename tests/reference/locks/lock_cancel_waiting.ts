// A waiter cancelled while it still waits leaves the queue; the lock goes to
// the next one in line. A waiter cancelled after release() chose it (its
// future done, the task not run yet) passes the lock on to the next waiter,
// so no wake-up is lost and the lock is not left held.
import {
  CancelledError,
  createTask,
  gather,
  Lock,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;
const kind = (x: unknown) => x instanceof Error ? x.name : "NoneType";

async function waiter(lock: Lock, name: string) {
  try {
    await lock.acquire();
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled, ${r(lock)}`);
    throw e;
  }
  print(`${name}: acquired, ${r(lock)}`);
  await sleep(0);
  lock.release();
  print(`${name}: released`);
}

async function main() {
  const lock = new Lock();
  await lock.acquire();
  const a = createTask(() => waiter(lock, "a"));
  const b = createTask(() => waiter(lock, "b"));
  const c = createTask(() => waiter(lock, "c"));
  await sleep(0);
  print("main:", r(lock));
  b.cancel();
  await sleep(0);
  print("main: b cancelled while waiting,", r(lock));
  lock.release();
  print("main: released,", r(lock));
  a.cancel();
  print("main: a cancelled after its wake-up");
  const results = await gather([a, b, c], { returnExceptions: true });
  print("main:", results.map(kind), r(lock));
}

await run(main, { clock });
