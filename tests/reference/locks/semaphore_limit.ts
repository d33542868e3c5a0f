// async with a Semaphore(2) lets at most two workers in at a time; the
// others enter in the order they came, as slots free up.
import {
  BoundedSemaphore,
  createTask,
  gather,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

let inside = 0;

async function worker(sem: BoundedSemaphore, i: number) {
  await sem.run(async () => {
    inside += 1;
    print(`w${i}: in (${inside} inside), ${r(sem)}`);
    for (let j = 0; j < i % 3 + 1; j++) await sleep(0);
    inside -= 1;
    print(`w${i}: out`);
  });
  return i;
}

async function main() {
  const sem = new BoundedSemaphore(2);
  const ts = [0, 1, 2, 3, 4, 5].map((i) => createTask(() => worker(sem, i)));
  await sleep(0);
  print("main:", r(sem));
  print("main:", await gather(ts), r(sem));
}

await run(main, { clock });
