// An eager task that finishes without suspending is done when createTask()
// returns: it was never scheduled, and took no loop iteration. Its done
// callbacks still go through callSoon, so they run after the callbacks
// queued before them. (Generator tasks: an async function's result arrives
// through its promise, a microtask later; see the .pending.ts form.)
// deno-lint-ignore-file require-yield
import {
  allTasks,
  createTask,
  currentTask,
  eagerTaskFactory,
  getRunningLoop,
  run,
  sleep,
  type Task,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const first: (Task<unknown> | undefined)[] = [];

function* quick(n: number): Generator<unknown, number> {
  first.push(currentTask());
  print(`quick ${n} runs`);
  return n * 10;
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  loop.setTaskFactory(eagerTaskFactory);
  loop.callSoon(print, "callback queued before");
  const tasks = [0, 1, 2].map((n) =>
    createTask(() => quick(n), { name: `q${n}` })
  );
  print("each ran as itself:", first.map((task, i) => task === tasks[i]));
  print("done at once:", tasks.map((t) => t.done()));
  print("results:", tasks.map((t) => t.result()));
  print("pending tasks:", allTasks().size);
  tasks[0]!.addDoneCallback((t) =>
    print("done callback of", (t as Task<number>).getName())
  );
  loop.callSoon(print, "callback queued after");
  yield* sleep(0);
  print("main resumes");
}

await run(main, { clock });
