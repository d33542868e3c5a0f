// Tasks contending for one Lock get it in the order they asked for it, each
// release hands it to the head of the queue, and the repr counts waiters.
import { createTask, gather, Lock, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

async function worker(lock: Lock, name: string, rounds: number) {
  for (let i = 0; i < rounds; i++) {
    await lock.acquire();
    try {
      print(`${name}: holds it (${i}), ${r(lock)}`);
      await sleep(0);
    } finally {
      lock.release();
    }
    await sleep(0);
  }
  print(`${name}: done`);
}

async function main() {
  const lock = new Lock();
  print("main:", r(lock), lock.locked());
  print("main: acquire ->", await lock.acquire(), r(lock));
  const tasks = [..."abcd"].map((n) => createTask(() => worker(lock, n, 2)));
  await sleep(0);
  print("main:", r(lock));
  lock.release();
  print("main: released,", r(lock), lock.locked());
  await gather(tasks);
  print("main:", r(lock));
}

await run(main, { clock });
