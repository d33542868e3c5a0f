// A semaphore never lets a newcomer overtake a waiter: after release() woke
// the waiters, locked() is True and a new acquire() queues behind them, even
// before they ran (FIFO); releases in one step wake that many waiters.
import { createTask, gather, run, Semaphore, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

async function take(sem: Semaphore, name: string, log: string[]) {
  await sem.acquire();
  log.push(name);
  print(`${name}: acquired, ${r(sem)}`);
}

async function main() {
  const sem = new Semaphore(0);
  const log: string[] = [];
  const ts = [..."abc"].map((n) => createTask(() => take(sem, n, log)));
  await sleep(0);
  print("main:", r(sem), sem.locked());
  sem.release();
  sem.release();
  print("main: released twice,", r(sem), sem.locked());
  const late = createTask(() => take(sem, "late", log));
  await sleep(0);
  print("main:", r(sem), log);
  sem.release();
  sem.release();
  print("main: released twice more,", r(sem));
  await gather([...ts, late]);
  print("main:", log, r(sem));
  sem.release();
  print("main: acquire with a free slot ->", await sem.acquire(), r(sem));
}

await run(main, { clock });
