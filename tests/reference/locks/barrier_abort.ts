// abort() breaks the barrier: the waiting tasks get BrokenBarrierError
// ("Abort or reset of barrier"), later ones too ("Barrier aborted"), and it
// stays broken; reset() mends it.
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
  print(`${name}: passes with index ${index}`);
  return index;
}

async function main() {
  const barrier = new Barrier(3);
  let ts = [..."ab"].map((n) => createTask(() => party(barrier, n)));
  await sleep(0);
  print("main:", r(barrier));
  await barrier.abort();
  print("main: aborted,", r(barrier), barrier.broken, barrier.nWaiting);
  print("main:", await gather(ts));
  print("main: late ->", await party(barrier, "late"));
  await barrier.reset();
  print("main: reset,", r(barrier), barrier.broken);
  ts = [..."xyz"].map((n) => createTask(() => party(barrier, n)));
  print("main:", await gather(ts), r(barrier));
}

await run(main, { clock });
