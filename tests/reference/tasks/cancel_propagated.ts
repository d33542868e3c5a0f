// A cancellation that is not caught unwinds the task through its nested
// coroutines, running their finally blocks innermost first; the task ends
// cancelled, and a task awaiting it gets CancelledError without being
// cancelled itself.
import {
  CancelledError,
  createTask,
  currentTask,
  getRunningLoop,
  run,
  sleep,
  type Task,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

async function inner(): Promise<void> {
  try {
    print("inner: awaits a future nobody sets");
    await getRunningLoop().createFuture();
  } finally {
    print("inner: finally");
  }
}

async function middle(): Promise<void> {
  try {
    await inner();
    print("never printed");
  } finally {
    print("middle: finally");
  }
}

async function outer(): Promise<void> {
  try {
    await middle();
  } finally {
    print(
      "outer: finally, task cancelling() =",
      currentTask()!.cancelling(),
    );
  }
}

async function watcher(t: Task<void>): Promise<string> {
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    const me = currentTask()!;
    print("watcher: got CancelledError; cancelled itself?", me.cancelling());
  }
  return "watcher survived";
}

async function main(): Promise<void> {
  const t = createTask(outer);
  const w = createTask(() => watcher(t));
  await sleep(0);
  print("main: cancels outer");
  t.cancel();
  print("main: watcher gives", await w);
  print("main: outer cancelled()", t.cancelled(), "done()", t.done());
  try {
    t.result();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: result() raises CancelledError");
  }
  try {
    t.exception();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: exception() raises CancelledError");
  }
}

await run(main, { clock });
