// A task that catches CancelledError goes on: cancelling() counts the
// request, uncancel() takes it back, and the task awaits again and returns
// a result; it is not cancelled in the end. (Generator tasks: the error is
// thrown in at the `yield*` the generator is suspended on.)
import {
  CancelledError,
  createTask,
  currentTask,
  type Future,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, str } from "../_py.ts";

function* worker(started: Future<void>): Generator<unknown, string> {
  const task = currentTask()!;
  started.setResult();
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(
      "worker: caught",
      pyRepr(str(e)),
      "cancelling() =",
      task.cancelling(),
    );
    print("worker: uncancel() ->", task.uncancel());
    print("worker: cancelling() =", task.cancelling());
  }
  print("worker: sleeps again");
  yield;
  print("worker: returns");
  return "finished anyway";
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  const started = loop.createFuture<void>();
  const t = createTask(worker(started));
  yield* started;
  print("main: cancel() ->", t.cancel("stop"));
  print("main: cancelling() =", t.cancelling(), "cancelled() =", t.cancelled());
  print("main: result", yield* t);
  print(
    "main: cancelled() =",
    t.cancelled(),
    "cancel() on done ->",
    t.cancel(),
  );
}

await run(main, { clock });
