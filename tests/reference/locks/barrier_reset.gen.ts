// reset() while tasks wait: they get BrokenBarrierError, the barrier is
// "resetting" until the last one has left, then fills again; reset() of an
// empty barrier just starts over. (Generator tasks.)
import {
  Barrier,
  BrokenBarrierError,
  createTask,
  gather,
  run,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

function* party(barrier: Barrier, name: string) {
  let index;
  try {
    index = yield* barrier.wait();
  } catch (e) {
    if (!(e instanceof BrokenBarrierError)) throw e;
    print(`${name}: ${e.name}: ${e.message}, ${r(barrier)}`);
    return "broken";
  }
  print(`${name}: passes with index ${index}, ${r(barrier)}`);
  return index;
}

function* main() {
  const barrier = new Barrier(3);
  let ts = [..."ab"].map((n) => createTask(party(barrier, n)));
  yield;
  print("main:", r(barrier));
  yield* barrier.reset();
  print("main: reset,", r(barrier), barrier.nWaiting);
  const late = createTask(party(barrier, "late"));
  yield;
  print("main:", r(barrier));
  print("main:", yield* gather(ts), r(barrier));
  ts = [..."xy"].map((n) => createTask(party(barrier, n)));
  print("main:", yield* gather([late, ...ts]), r(barrier));
  yield* barrier.reset();
  print("main: reset when empty,", r(barrier));
}

await run(main, { clock });
