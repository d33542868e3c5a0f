// reset() while tasks wait: they get BrokenBarrierError, the barrier is
// "resetting" until the last one has left, then fills again; reset() of an
// empty barrier just starts over.
import {
  Barrier,
  BrokenBarrierError,
  createTask,
  gather,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

async function party(barrier: Barrier, name: string) {
  let index;
  try {
    index = await barrier.wait();
  } catch (e) {
    if (!(e instanceof BrokenBarrierError)) throw e;
    print(`${name}: ${e.name}: ${e.message}, ${r(barrier)}`);
    return "broken";
  }
  print(`${name}: passes with index ${index}, ${r(barrier)}`);
  return index;
}

async function main() {
  const barrier = new Barrier(3);
  let ts = [..."ab"].map((n) => createTask(() => party(barrier, n)));
  await sleep(0);
  print("main:", r(barrier));
  await barrier.reset();
  print("main: reset,", r(barrier), barrier.nWaiting);
  const late = createTask(() => party(barrier, "late"));
  await sleep(0);
  print("main:", r(barrier));
  print("main:", await gather(ts), r(barrier));
  ts = [..."xy"].map((n) => createTask(() => party(barrier, n)));
  print("main:", await gather([late, ...ts]), r(barrier));
  await barrier.reset();
  print("main: reset when empty,", r(barrier));
}

await run(main, { clock });
