// A lock binds to the loop it first waits on; a later loop may use it
// without waiting, but waiting there is an error. (Generator tasks.)
import { createTask, Lock, run } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

const lock = new Lock();

function* first() {
  yield* lock.acquire();
  const t = createTask(lock.acquire());
  yield;
  lock.release();
  yield* t;
  print("first: waited,", r(lock));
  lock.release();
}

function* second() {
  print("second: acquire without waiting ->", yield* lock.acquire());
  try {
    yield* lock.acquire();
  } catch (e) {
    print("second:", e);
  }
  lock.release();
  print("second:", r(lock));
}

await run(first, { clock });
await run(second, { clock });
