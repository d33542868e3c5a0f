// async with a Semaphore(2) lets at most two workers in at a time; the
// others enter in the order they came, as slots free up. (Generator tasks:
// `async with sem` is acquire(), then release() in a finally block.)
import { BoundedSemaphore, createTask, gather, run } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

let inside = 0;

function* worker(sem: BoundedSemaphore, i: number) {
  yield* sem.acquire();
  try {
    inside += 1;
    print(`w${i}: in (${inside} inside), ${r(sem)}`);
    for (let j = 0; j < i % 3 + 1; j++) yield;
    inside -= 1;
    print(`w${i}: out`);
  } finally {
    sem.release();
  }
  return i;
}

function* main() {
  const sem = new BoundedSemaphore(2);
  const ts = [0, 1, 2, 3, 4, 5].map((i) => createTask(worker(sem, i)));
  yield;
  print("main:", r(sem));
  print("main:", yield* gather(ts), r(sem));
}

await run(main, { clock });
