// Tasks that arrive while a round drains wait for it to empty, then fill the
// next round; a Barrier(1) never waits. (Generator tasks.)
import { Barrier, createTask, gather, run } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

function* party(barrier: Barrier, name: string) {
  print(`${name}: arrives, ${r(barrier)}`);
  const index = yield* barrier.wait();
  print(`${name}: passes with index ${index}, ${r(barrier)}`);
  return index;
}

function* main() {
  const barrier = new Barrier(2);
  const ts = [..."abcde"].map((n) => createTask(party(barrier, n)));
  yield;
  print("main:", r(barrier));
  yield;
  print("main:", r(barrier));
  const f = createTask(party(barrier, "f"));
  print("main:", yield* gather([...ts, f]), r(barrier));
  const one = new Barrier(1);
  print("main: Barrier(1) ->", yield* one.wait(), yield* one.wait(), r(one));
}

await run(main, { clock });
