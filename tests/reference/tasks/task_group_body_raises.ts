// When the body of a TaskGroup raises, the group cancels its tasks (those
// not started yet never run), waits for them, and raises an ExceptionGroup
// with the body's exception last. A group that has ended refuses new tasks.
// (The group cancels its tasks in the order of a set, so only one of those
// waiting on a timer prints.)
import {
  CancelledError,
  ExceptionGroup,
  run,
  sleep,
  type Task,
  TaskGroup,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, typeName, ValueError } from "../_py.ts";

async function sibling(): Promise<void> {
  await sleep(10);
}

async function failingOnCancel(): Promise<void> {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("failing_on_cancel: raises while cancelled");
    throw new ValueError("cleanup failed");
  }
}

// deno-lint-ignore require-await
async function never(): Promise<void> {
  print("never printed");
}

function show(eg: ExceptionGroup): void {
  print(
    typeName(eg),
    pyRepr(eg.message),
    eg.errors.map((e: Error) => `${typeName(e)}: ${e.message}`),
  );
}

async function main(): Promise<void> {
  let s1: Task<void> | undefined;
  try {
    await new TaskGroup().run(async (tg) => {
      s1 = tg.createTask(sibling);
      tg.createTask(failingOnCancel);
      await sleep(0);
      print("body: raises");
      throw new ValueError("body failed");
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    show(e);
    print("sibling cancelled:", s1!.cancelled());
  }
  const tg = new TaskGroup();
  let t: Task<void> | undefined;
  try {
    await tg.run((tg) => {
      t = tg.createTask(never);
      throw new ValueError("at once");
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    show(e);
    print("unstarted task cancelled:", t!.cancelled());
  }
  try {
    tg.createTask(never);
  } catch (e) {
    print(
      "create_task() after the end:",
      (e as Error).message.endsWith("is finished"),
    );
  }
}

await run(main, { clock });
