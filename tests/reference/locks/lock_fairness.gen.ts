// Tasks contending for one Lock get it in the order they asked for it, each
// release hands it to the head of the queue, and the repr counts waiters.
// (Generator tasks.)
import { createTask, gather, Lock, run } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

function* worker(lock: Lock, name: string, rounds: number) {
  for (let i = 0; i < rounds; i++) {
    yield* lock.acquire();
    try {
      print(`${name}: holds it (${i}), ${r(lock)}`);
      yield;
    } finally {
      lock.release();
    }
    yield;
  }
  print(`${name}: done`);
}

function* main() {
  const lock = new Lock();
  print("main:", r(lock), lock.locked());
  print("main: acquire ->", yield* lock.acquire(), r(lock));
  const tasks = [..."abcd"].map((n) => createTask(worker(lock, n, 2)));
  yield;
  print("main:", r(lock));
  lock.release();
  print("main: released,", r(lock), lock.locked());
  yield* gather(tasks);
  print("main:", r(lock));
}

await run(main, { clock });
