// A cancellation that is not caught unwinds the task through its nested
// coroutines, running their finally blocks innermost first; the task ends
// cancelled, and a task awaiting it gets CancelledError without being
// cancelled itself. (Generator tasks.)
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

function* inner(): Generator<unknown, void> {
  try {
    print("inner: awaits a future nobody sets");
    yield* getRunningLoop().createFuture();
  } finally {
    print("inner: finally");
  }
}

function* middle(): Generator<unknown, void> {
  try {
    yield* inner();
    print("never printed");
  } finally {
    print("middle: finally");
  }
}

function* outer(): Generator<unknown, void> {
  try {
    yield* middle();
  } finally {
    print(
      "outer: finally, task cancelling() =",
      currentTask()!.cancelling(),
    );
  }
}

function* watcher(t: Task<void>): Generator<unknown, string> {
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    const me = currentTask()!;
    print("watcher: got CancelledError; cancelled itself?", me.cancelling());
  }
  return "watcher survived";
}

function* main(): Generator<unknown, void> {
  const t = createTask(outer);
  const w = createTask(watcher(t));
  yield* sleep(0);
  print("main: cancels outer");
  t.cancel();
  print("main: watcher gives", yield* w);
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
