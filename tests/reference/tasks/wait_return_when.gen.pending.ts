// wait() returns (done, pending) sets: FIRST_COMPLETED after the first task
// finishes, FIRST_EXCEPTION after the first failure (or when all are done),
// ALL_COMPLETED when every task is done. Nothing is cancelled, and failures
// stay inside the tasks. Sets print sorted. (Pending, by design: a
// generator main awaits wait()'s promise through ensureFuture, which takes
// one iteration more than Python's inline `await asyncio.wait(...)`: wait()
// resumes in one iteration and the task that follows its promise wakes main
// in the next, so `worse` raises before main prints FIRST_COMPLETED.)
import {
  createTask,
  currentTask,
  ensureFuture,
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

function* main(): Generator<unknown, void> {
  const tasks = [
    createTask(job(8), { name: "slow" }),
    createTask(job(1), { name: "quick" }),
    createTask(job(2, true), { name: "bad" }),
    createTask(job(10), { name: "slower" }),
    createTask(job(3, true), { name: "worse" }),
  ];
  let [done, pending] = yield* ensureFuture(
    wait(tasks, { returnWhen: FIRST_COMPLETED }),
  );
  print("FIRST_COMPLETED:", names(done), names(pending));
  [done, pending] = yield* ensureFuture(
    wait(pending, { returnWhen: FIRST_EXCEPTION }),
  );
  print("FIRST_EXCEPTION:", names(done), names(pending));
  print("bad raised", pyRepr(tasks[2]!.exception()));
  [done, pending] = yield* ensureFuture(wait(pending));
  print("ALL_COMPLETED:", names(done), names(pending));
  const ok = createTask(job(1), { name: "fine" });
  [done, pending] = yield* ensureFuture(
    wait([ok], { returnWhen: FIRST_EXCEPTION }),
  );
  print("FIRST_EXCEPTION without one:", names(done), names(pending));
  [done, pending] = yield* ensureFuture(
    wait(tasks, { returnWhen: FIRST_COMPLETED }),
  );
  print("all done already:", done.size, pending.size);
  print("cancelled:", tasks.map((t) => t.cancelled()));
}

await run(main, { clock });
