// gather() gives the results in input order whatever the completion order.
// It takes coroutines (wrapped in tasks that start in argument order, and
// named like any task), tasks and futures; the same awaitable twice is
// waited for once and reported twice; gather() of nothing gives [].
// (Generator objects as the coroutines, `yield* gather(...)`.)
import {
  createTask,
  currentTask,
  gather,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function* job(name: string, steps: number): Generator<unknown, string> {
  const me = currentTask()!.getName();
  for (let i = 0; i < steps; i++) {
    yield* sleep(0);
  }
  print(`${name} (${me}) finishes after ${steps} steps`);
  return name.toUpperCase();
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  const fut = loop.createFuture<string>();
  loop.callSoon((v) => fut.setResult(v), "FUT");
  const t = createTask(job("task", 1));
  const results = yield* gather([
    job("a", 3),
    t,
    fut,
    job("b", 0),
    job("c", 2),
  ]);
  print("results:", results);
  const dup = createTask(job("dup", 1));
  const coro = job("same coroutine", 1);
  print("duplicates:", yield* gather([dup, coro, dup, fut, coro]));
  print("empty:", yield* gather([]));
  print("main is", currentTask()!.getName());
}

await run(main, { clock });
