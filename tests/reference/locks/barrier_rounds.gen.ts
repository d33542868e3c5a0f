// A Barrier(3) used for three rounds: each round's tasks leave together,
// the last to arrive first (index parties-1), and the barrier fills again.
// (Generator tasks.)
import { Barrier, createTask, gather, run } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

function* party(barrier: Barrier, name: string, rounds: number) {
  for (let i = 0; i < rounds; i++) {
    const index = yield* barrier.wait();
    print(`${name}: round ${i}, index ${index}, ${r(barrier)}`);
    yield;
  }
  return name;
}

function* main() {
  const barrier = new Barrier(3);
  print("main:", r(barrier), barrier.parties, barrier.nWaiting, barrier.broken);
  const ts = [..."abc"].map((n) => createTask(party(barrier, n, 3)));
  yield;
  print("main:", r(barrier), barrier.nWaiting);
  print("main:", yield* gather(ts), r(barrier));
}

await run(main, { clock });
