// Tasks that start together wake in the order of their delays, not of their
// creation; sleep() returns its result argument, and sleep() with a
// negative delay is sleep(0). (Each task aims at a deadline from the same
// t0, so that a machine too busy to run the task steps back to back cannot
// turn the order around.) Generator tasks: `yield* sleep(d, value)`.
import { createTask, getRunningLoop, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function* sleeper(
  name: string,
  t0: number,
  delay: number,
  log: string[],
): Generator<unknown, string> {
  const loop = getRunningLoop();
  const value = yield* sleep(t0 + delay - loop.time(), `${name}-result`);
  print(`${name} woke: ${value}`);
  log.push(name);
  return name;
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  const log: string[] = [];
  const t0 = loop.time();
  const tasks = [
    createTask(sleeper("zero", t0, -1, log)),
    createTask(sleeper("late", t0, 0.06, log)),
    createTask(sleeper("early", t0, 0.02, log)),
    createTask(sleeper("middle", t0, 0.04, log)),
  ];
  for (const t of tasks) {
    yield* t;
  }
  print("wake order:", log);
  print("results:", tasks.map((t) => t.result()));
  print("sleep(0) gives", yield* sleep(0), "and", yield* sleep(0, 7));
  print("sleep(-1) gives", yield* sleep(-1, "negative"));
}

await run(main, { clock });
