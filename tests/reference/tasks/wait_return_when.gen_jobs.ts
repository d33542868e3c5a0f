// wait() returns (done, pending) sets: FIRST_COMPLETED after the first task
// finishes, FIRST_EXCEPTION after the first failure (or when all are done),
// ALL_COMPLETED when every task is done. Nothing is cancelled, and failures
// stay inside the tasks. Sets print sorted. (The jobs are generator
// tasks.)
import {
  createTask,
  currentTask,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  run,
  type Task,
  wait,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

function* job(steps: number, fail = false): Generator<unknown, string> {
  for (let i = 0; i < steps; i++) {
    yield;
  }
  const name = currentTask()!.getName();
  if (fail) {
    print(`${name}: raises`);
    throw new ValueError(`${name} failed`);
  }
  print(`${name}: returns`);
  return name;
}

function names(tasks: Set<unknown>): string[] {
  return [...tasks].map((t) => (t as Task<string>).getName()).sort();
}

async function main(): Promise<void> {
  const tasks = [
    createTask(job(8), { name: "slow" }),
    createTask(job(1), { name: "quick" }),
    createTask(job(2, true), { name: "bad" }),
    createTask(job(10), { name: "slower" }),
    createTask(job(3, true), { name: "worse" }),
  ];
  let [done, pending] = await wait(tasks, { returnWhen: FIRST_COMPLETED });
  print("FIRST_COMPLETED:", names(done), names(pending));
  [done, pending] = await wait(pending, { returnWhen: FIRST_EXCEPTION });
  print("FIRST_EXCEPTION:", names(done), names(pending));
  print("bad raised", pyRepr(tasks[2]!.exception()));
  [done, pending] = await wait(pending);
  print("ALL_COMPLETED:", names(done), names(pending));
  const ok = createTask(job(1), { name: "fine" });
  [done, pending] = await wait([ok], { returnWhen: FIRST_EXCEPTION });
  print("FIRST_EXCEPTION without one:", names(done), names(pending));
  [done, pending] = await wait(tasks, { returnWhen: FIRST_COMPLETED });
  print("all done already:", done.size, pending.size);
  print("cancelled:", tasks.map((t) => t.cancelled()));
}

await run(main, { clock });
