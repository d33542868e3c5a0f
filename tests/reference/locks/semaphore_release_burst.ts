// Several releases in one step wake that many waiters; a woken waiter that
// is cancelled hands its slot on, and the last one through wakes whoever
// may still go (the finally block of 3.13's acquire()).
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
}

async function main() {
  const sem = new Semaphore(0);
  const ts = [..."abcde"].map((n) => createTask(() => take(sem, n)));
  await sleep(0);
  for (let i = 0; i < 3; i++) sem.release();
  print("main: released 3,", r(sem));
  ts[0]!.cancel();
  ts[1]!.cancel();
  print("main: a and b cancelled");
  await sleep(0);
  await sleep(0);
  print("main:", ts.map((t) => t.done()), r(sem));
  sem.release();
  sem.release();
  const results = await gather(ts, { returnExceptions: true });
  print("main:", results.map(kind), r(sem));
}

await run(main, { clock });
