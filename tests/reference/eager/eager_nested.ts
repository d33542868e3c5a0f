// Eager tasks nest: a child created eagerly inside another eager task's first
// step runs inside it; each returns to its creator as current task.
// allTasks() holds an eager task while its first step runs. (Python 3.13
// names a factory's task after its first step: the steps compare tasks.)
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
import { print, str } from "../_py.ts";

const seen: Record<string, Task<unknown> | undefined> = {};

async function inner(): Promise<string> {
  const me = currentTask()!;
  seen["inner"] = me;
  print(`inner: first step, in all_tasks ${str(allTasks().has(me))}`);
  await sleep(0);
  print(`inner: resumes as itself ${str(currentTask() === me)}`);
  return "inner";
}

async function outer(): Promise<string> {
  const me = currentTask();
  seen["outer"] = me;
  print("outer: first step");
  const task = createTask(inner, { name: "inner" });
  print(
    `outer: current again ${str(currentTask() === me)}, ` +
      `inner ran as itself ${str(seen["inner"] === task)}`,
  );
  await sleep(0);
  print(`outer: resumes as itself ${str(currentTask() === me)}`);
  return await task;
}

async function main(): Promise<void> {
  const me = currentTask();
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  const task = createTask(outer, { name: "outer" });
  print(
    `main: current again ${str(currentTask() === me)}, ` +
      `outer ran as itself ${str(seen["outer"] === task)}`,
  );
  print("main got", await task);
}

await run(main, { clock });
