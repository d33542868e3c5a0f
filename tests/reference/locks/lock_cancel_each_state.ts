// Cancelling tasks that use a lock at each state: before the task started,
// while it waits, after release() woke it, and while it holds the lock. The
// lock ends unlocked and every other task gets it once, in order.
import {
  CancelledError,
  createTask,
  gather,
  Lock,
  run,
  sleep,
  type Task,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;
const kind = (x: unknown) => x instanceof Error ? x.name : "NoneType";

async function worker(lock: Lock, name: string, log: string[]) {
  try {
    await lock.run(async () => {
      log.push(name);
      print(`${name}: holds it, ${r(lock)}`);
      await sleep(0);
    });
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled, ${r(lock)}`);
    throw e;
  }
}

async function main() {
  const lock = new Lock();
  const log: string[] = [];
  const ts: Record<string, Task<void>> = {};
  for (const n of "abcdefg") ts[n] = createTask(() => worker(lock, n, log));
  ts["b"]!.cancel();
  print("main: b cancelled before it started");
  await sleep(0);
  print("main:", r(lock));
  ts["d"]!.cancel();
  print("main: d cancelled while waiting");
  await sleep(0);
  print("main:", r(lock));
  ts["c"]!.cancel();
  print("main: c cancelled after its wake-up");
  await sleep(0);
  print("main:", r(lock));
  await sleep(0);
  print("main:", r(lock));
  ts["e"]!.cancel();
  print("main: e cancelled while holding it");
  const results = await gather(Object.values(ts), { returnExceptions: true });
  print("main:", results.map(kind));
  print("main:", log, r(lock));
}

await run(main, { clock });
