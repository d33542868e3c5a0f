// Tasks that start together wake in the order of their delays, not of their
// creation; sleep() returns its result argument, and sleep() with a
// negative delay is sleep(0).
import { createTask, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

async function sleeper(
  name: string,
  delay: number,
  log: string[],
): Promise<number> {
  const value = await sleep(delay, `${name}-result`);
  print(`${name} woke after ${delay}: ${value}`);
  log.push(name);
  return delay;
}

async function main(): Promise<void> {
  const log: string[] = [];
  const tasks = [
    createTask(() => sleeper("d", 0.04, log)),
    createTask(() => sleeper("a", 0.01, log)),
    createTask(() => sleeper("c", 0.03, log)),
    createTask(() => sleeper("b", 0.02, log)),
    createTask(() => sleeper("z", 0, log)),
    createTask(() => sleeper("n", -1, log)),
  ];
  for (const t of tasks) {
    await t;
  }
  print("wake order:", log);
  print("results:", tasks.map((t) => t.result()));
  print("sleep(0) gives", await sleep(0), "and", await sleep(0, 7));
}

await run(main, { clock });
