// A task cancelled in wait() holds the lock again before the CancelledError
// reaches it: it waits for the lock while another task holds it.
// (Generator tasks.)
import { CancelledError, Condition, createTask, run } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

function* waiter(cond: Condition) {
  yield* cond.acquire();
  try {
    yield* cond.wait();
  } catch (e) {
    if (e instanceof CancelledError) {
      print("waiter: cancelled, holds the lock:", cond.locked(), r(cond));
    }
    throw e;
  } finally {
    cond.release();
    print("waiter: released");
  }
}

function* main() {
  const cond = new Condition();
  const t = createTask(waiter(cond));
  yield;
  print("main:", r(cond));
  yield* cond.acquire();
  t.cancel();
  for (let i = 0; i < 3; i++) yield;
  print("main: holds the lock; waiter done:", t.done(), r(cond));
  cond.release();
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: waiter cancelled,", r(cond));
  }
}

await run(main, { clock });
