// A waiter cancelled after release() woke it gives its slot to the next
// waiter (3.13, gh-111693); one cancelled while it waits just leaves. The
// count stays right either way.
import {
  CancelledError,
  createTask,
  gather,
  run,
  Semaphore,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;
const kind = (x: unknown) => x instanceof Error ? x.name : "NoneType";

async function take(sem: Semaphore, name: string) {
  try {
    await sem.acquire();
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled, ${r(sem)}`);
    throw e;
  }
  print(`${name}: acquired, ${r(sem)}`);
  await sleep(0);
  sem.release();
  print(`${name}: released, ${r(sem)}`);
}

async function main() {
  const sem = new Semaphore(1);
  await sem.acquire();
  const ts = [..."abcd"].map((n) => createTask(() => take(sem, n)));
  await sleep(0);
  print("main:", r(sem));
  ts[1]!.cancel();
  await sleep(0);
  print("main: b cancelled while waiting,", r(sem));
  sem.release();
  print("main: released,", r(sem));
  ts[0]!.cancel();
  print("main: a cancelled after its wake-up");
  const results = await gather(ts, { returnExceptions: true });
  print("main:", results.map(kind), r(sem));
}

await run(main, { clock });
