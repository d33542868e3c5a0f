// A task cancelled while it waits at the barrier leaves it (n_waiting goes
// down), and the round fills with the others; cancelling a task that waits
// for the barrier to drain leaves the round alone.
import {
  Barrier,
  CancelledError,
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
    if (e instanceof CancelledError) print(`${name}: cancelled, ${r(barrier)}`);
    throw e;
  }
  print(`${name}: passes with index ${index}`);
  return index;
}

async function main() {
  const barrier = new Barrier(2);
  const a = createTask(() => party(barrier, "a"));
  await sleep(0);
  print("main:", r(barrier));
  a.cancel();
  await gather([a], { returnExceptions: true });
  print("main: a cancelled,", r(barrier));
  const ts = [..."bcd"].map((n) => createTask(() => party(barrier, n)));
  await sleep(0);
  print("main:", r(barrier));
  ts[2]!.cancel();
  const results = await gather(ts, { returnExceptions: true });
  print(
    "main:",
    results.map((x) => typeof x === "number" ? x : (x as Error).name),
    r(barrier),
  );
}

await run(main, { clock });
