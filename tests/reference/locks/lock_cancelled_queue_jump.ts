// When every waiter is cancelled, a newcomer takes a free lock at once
// instead of queueing behind them (asyncio's "jumping the queue"); while one
// waiter is not cancelled, the newcomer waits its turn.
import { createTask, gather, Lock, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

async function main() {
  const lock = new Lock();
  await lock.acquire();
  const ws = [0, 1, 2].map(() => createTask(lock.acquire()));
  await sleep(0);
  print("main:", r(lock));
  for (const w of ws) w.cancel();
  lock.release();
  print("main: all cancelled, released,", r(lock));
  print("main: newcomer ->", await lock.acquire(), r(lock));
  await gather(ws, { returnExceptions: true });
  print("main:", ws.map((w) => w.cancelled()), r(lock));

  const w1 = createTask(lock.acquire());
  const w2 = createTask(lock.acquire());
  await sleep(0);
  w1.cancel();
  lock.release();
  print("main: one of two cancelled, released,", r(lock));
  const late = createTask(lock.acquire());
  print("main: w2 ->", await w2, "late", late.done(), r(lock));
  lock.release();
  print("main: late ->", await late, r(lock));
  lock.release();
  print("main:", r(lock), w1.cancelled());
}

await run(main, { clock });
