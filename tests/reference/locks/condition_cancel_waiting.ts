// A task cancelled in wait() holds the lock again before the CancelledError
// reaches it: it waits for the lock while another task holds it.
import {
  CancelledError,
  Condition,
  createTask,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

async function waiter(cond: Condition) {
  await cond.acquire();
  try {
    await cond.wait();
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

async function main() {
  const cond = new Condition();
  const t = createTask(() => waiter(cond));
  await sleep(0);
  print("main:", r(cond));
  await cond.acquire();
  t.cancel();
  for (let i = 0; i < 3; i++) await sleep(0);
  print("main: holds the lock; waiter done:", t.done(), r(cond));
  cond.release();
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: waiter cancelled,", r(cond));
  }
}

await run(main, { clock });
