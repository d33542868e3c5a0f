// When every waiter is cancelled, a newcomer takes a free lock at once
// instead of queueing behind them (asyncio's "jumping the queue"); while one
// waiter is not cancelled, the newcomer waits its turn. (Generator tasks.)
import { createTask, gather, Lock, run } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

function* main() {
  const lock = new Lock();
  yield* lock.acquire();
  const ws = [0, 1, 2].map(() => createTask(lock.acquire()));
  yield;
  print("main:", r(lock));
  for (const w of ws) w.cancel();
  lock.release();
  print("main: all cancelled, released,", r(lock));
  print("main: newcomer ->", yield* lock.acquire(), r(lock));
  yield* gather(ws, { returnExceptions: true });
  print("main:", ws.map((w) => w.cancelled()), r(lock));

  const w1 = createTask(lock.acquire());
  const w2 = createTask(lock.acquire());
  yield;
  w1.cancel();
  lock.release();
  print("main: one of two cancelled, released,", r(lock));
  const late = createTask(lock.acquire());
  print("main: w2 ->", yield* w2, "late", late.done(), r(lock));
  lock.release();
  print("main: late ->", yield* late, r(lock));
  lock.release();
  print("main:", r(lock), w1.cancelled());
}

await run(main, { clock });
