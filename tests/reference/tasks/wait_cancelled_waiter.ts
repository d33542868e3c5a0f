// Cancelling a task that waits in wait() or in an as_completed() loop
// raises CancelledError in it, but leaves the awaited tasks running, unlike
// gather() and wait_for(); they finish on their own afterwards.
import {
  asCompleted,
  CancelledError,
  createTask,
  run,
  sleep,
  type Task,
  wait,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

async function job(name: string, steps: number): Promise<string> {
  try {
    for (let i = 0; i < steps; i++) {
      await sleep(0);
    }
  } catch (e) {
    if (e instanceof CancelledError) print("never printed");
    throw e;
  }
  print(`${name}: finishes`);
  return name;
}

async function inWait(tasks: Task<string>[]): Promise<void> {
  try {
    await wait(tasks);
  } catch (e) {
    if (e instanceof CancelledError) print("in_wait: cancelled");
    throw e;
  }
}

async function inAsCompleted(tasks: Task<string>[]): Promise<void> {
  try {
    for (const nextResult of asCompleted(tasks)) {
      print("in_as_completed: got", await nextResult);
    }
  } catch (e) {
    if (e instanceof CancelledError) print("in_as_completed: cancelled");
    throw e;
  }
}

async function main(): Promise<void> {
  for (
    const [name, waiter] of [
      ["in_wait", inWait],
      ["in_as_completed", inAsCompleted],
    ] as const
  ) {
    const tasks = [1, 4].map((n) => createTask(() => job(`${name} ${n}`, n)));
    const w = createTask(() => waiter(tasks));
    for (let i = 0; i < 3; i++) {
      await sleep(0);
    }
    w.cancel();
    await wait([w, ...tasks]);
    print(
      "main: waiter cancelled",
      w.cancelled(),
      "; tasks",
      tasks.map((t) => t.result()),
    );
  }
}

await run(main, { clock });
