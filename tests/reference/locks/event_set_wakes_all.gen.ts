// Event.set() from a plain callback wakes every waiter, in the order they
// started waiting; wait() on a set event returns at once, without yielding.
// (Generator tasks.)
import {
  createTask,
  Event,
  gather,
  getRunningLoop,
  run,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

function* waiter(event: Event, name: string) {
  print(`${name}: waits`);
  print(`${name}: woke ->`, yield* event.wait());
  return name;
}

function* ticker(n: number) {
  for (let i = 0; i < n; i++) {
    print(`tick ${i}`);
    yield;
  }
}

function* main() {
  const loop = getRunningLoop();
  const event = new Event();
  print("main:", r(event), event.isSet());
  const tasks = [..."abc"].map((n) => createTask(waiter(event, n)));
  yield;
  print("main:", r(event));
  loop.callSoon(() => event.set());
  const t = createTask(ticker(3));
  print("main:", yield* gather(tasks), r(event), event.isSet());
  yield* t;
  print("main: set again, no change:", event.set(), r(event));
  const tick = createTask(ticker(1));
  print("main: wait on a set event ->", yield* event.wait(), tick.done());
  yield* tick;
}

await run(main, { clock });
