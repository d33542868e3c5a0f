// Task names: Task-N from one counter that every task takes a number from,
// a name given at creation, set_name() (str() of any value); current_task()
// is the task whose code runs (after an await too), None in a plain
// callback; all_tasks() holds the tasks not done yet (printed sorted). A
// named task takes no number. (Generator tasks.)
import {
  allTasks,
  createTask,
  currentTask,
  type Future,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr } from "../_py.ts";

function callback(fut: Future<void>): void {
  print("callback: current_task() is", currentTask());
  fut.setResult();
}

function* job(fut?: Future<void>): Generator<unknown, string> {
  const me = currentTask()!;
  print("job: running as", me.getName());
  if (fut !== undefined) {
    yield* fut;
    print("job: resumed as", currentTask()!.getName());
  }
  return me.getName();
}

function names(): string[] {
  return [...allTasks()].map((t) => t.getName()).sort();
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  const me = currentTask()!;
  print("main is", me.getName());
  const a = createTask(job());
  // loop.create_task: asyncio 3.11's create_task(name=...) takes a number.
  const b = loop.createTask(() => job(), { name: "worker" });
  const fut = loop.createFuture<void>();
  const c = loop.createTask(job(fut));
  print("created:", a.getName(), b.getName(), c.getName());
  c.setName(42);
  print("renamed:", pyRepr(c.getName()));
  print("all_tasks:", names());
  yield* sleep(0);
  print("after a step:", names());
  loop.callSoon(callback, fut);
  print("results:", yield* a, yield* b, yield* c);
  print("all_tasks:", names());
  print("current_task() is main:", currentTask() === me);
  const d = createTask(job);
  print("next number:", d.getName());
  yield* d;
}

await run(main, { clock });
