// Releasing an unlocked lock is an error with asyncio's message; acquire()
// returns True, and the lock is not owned by a task: another task may
// release it. (Generator tasks.)
import { createTask, Lock, run } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

// deno-lint-ignore require-yield
function* releaser(lock: Lock) {
  lock.release();
  print("releaser: released it,", r(lock));
}

function* main() {
  const lock = new Lock();
  try {
    lock.release();
  } catch (e) {
    print("release unlocked:", e);
  }
  print("acquire ->", yield* lock.acquire(), lock.locked());
  yield* createTask(releaser(lock));
  try {
    lock.release();
  } catch (e) {
    print("release again:", e);
  }
  print("final:", r(lock));
}

await run(main, { clock });
