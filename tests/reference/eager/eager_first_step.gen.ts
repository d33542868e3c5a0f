// With eagerTaskFactory, createTask() runs the new task's first step at
// once, inside the call, with the task as the current task: the lines the
// child prints before its first await come between the creator's lines. A
// child that suspends goes on as a normal task, in the loop's order; the
// creator is the current task again once createTask() returns. (Python
// 3.13 names a factory's task after its first step, so the first step
// records the current task, and main compares.) (Generator tasks.)
import {
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

const first: Record<string, Task<unknown> | undefined> = {};

function name(): string {
  return currentTask()?.getName() ?? "-";
}

function* child(label: string, pauses: number): Generator<unknown, string> {
  first[label] = currentTask();
  print(`${label}: first step`);
  for (let i = 0; i < pauses; i++) {
    yield* sleep(0);
    print(`${label}: step ${i + 2}, current ${name()}`);
  }
  return label;
}

function* main(): Generator<unknown, void> {
  const me = currentTask();
  const loop = getRunningLoop();
  loop.setTaskFactory(eagerTaskFactory);
  loop.callSoon(print, "callback queued before the children");
  print("main: creates a");
  const a = createTask(() => child("a", 2), { name: "a" });
  print(
    `main: created a; a ran as itself ${
      first["a"] === a ? "True" : "False"
    }, ` +
      `main current again ${currentTask() === me ? "True" : "False"}`,
  );
  const b = createTask(() => child("b", 1), { name: "b" });
  print(
    `main: created b; b ran as itself ${
      first["b"] === b ? "True" : "False"
    }, ` +
      `a done ${a.done() ? "True" : "False"}, b done ${
        b.done() ? "True" : "False"
      }`,
  );
  loop.callSoon(print, "callback queued after the children");
  yield* sleep(0);
  print("main: resumes");
  print("results", yield* a, yield* b);
}

await run(main, { clock });
