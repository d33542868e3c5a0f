// A lock binds to the loop it first waits on; a later loop may use it
// without waiting, but waiting there is an error.
import { createTask, Lock, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

const lock = new Lock();

async function first() {
  await lock.acquire();
  const t = createTask(lock.acquire());
  await sleep(0);
  lock.release();
  await t;
  print("first: waited,", r(lock));
  lock.release();
}

async function second() {
  print("second: acquire without waiting ->", await lock.acquire());
  try {
    await lock.acquire();
  } catch (e) {
    print("second:", e);
  }
  lock.release();
  print("second:", r(lock));
}

await run(first, { clock });
await run(second, { clock });
