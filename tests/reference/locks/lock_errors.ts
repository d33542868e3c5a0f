// Releasing an unlocked lock is an error with asyncio's message; acquire()
// returns True, and the lock is not owned by a task: another task may
// release it.
import { createTask, Lock, run } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

// deno-lint-ignore require-await
async function releaser(lock: Lock) {
  lock.release();
  print("releaser: released it,", r(lock));
}

async function main() {
  const lock = new Lock();
  try {
    lock.release();
  } catch (e) {
    print("release unlocked:", e);
  }
  print("acquire ->", await lock.acquire(), lock.locked());
  await createTask(() => releaser(lock));
  try {
    lock.release();
  } catch (e) {
    print("release again:", e);
  }
  print("final:", r(lock));
}

await run(main, { clock });
