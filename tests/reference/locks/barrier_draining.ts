// Tasks that arrive while a round drains wait for it to empty, then fill the
// next round; a Barrier(1) never waits.
import { Barrier, createTask, gather, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

async function party(barrier: Barrier, name: string) {
  print(`${name}: arrives, ${r(barrier)}`);
  const index = await barrier.wait();
  print(`${name}: passes with index ${index}, ${r(barrier)}`);
  return index;
}

async function main() {
  const barrier = new Barrier(2);
  const ts = [..."abcde"].map((n) => createTask(() => party(barrier, n)));
  await sleep(0);
  print("main:", r(barrier));
  await sleep(0);
  print("main:", r(barrier));
  const f = createTask(() => party(barrier, "f"));
  print("main:", await gather([...ts, f]), r(barrier));
  const one = new Barrier(1);
  print("main: Barrier(1) ->", await one.wait(), await one.wait(), r(one));
}

await run(main, { clock });
