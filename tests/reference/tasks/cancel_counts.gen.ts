// cancel() called three times in a row counts three requests in
// cancelling(), but the task's code gets a single CancelledError, with the
// first message; uncancel() counts back down and stops at zero. A later
// request is a new one, delivered at the next await. (Generator tasks.)
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
import { print, pyRepr } from "../_py.ts";

function* worker(phase: Future<string>): Generator<unknown, string> {
  const me = currentTask()!;
  try {
    phase.setResult("waiting");
    yield* getRunningLoop().createFuture();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(
      "worker: caught",
      pyRepr(e.message),
      "cancelling() =",
      me.cancelling(),
    );
  }
  yield* sleep(0);
  print("worker: no second CancelledError after sleep(0)");
  print("worker: uncancel() ->", [0, 1, 2, 3].map(() => me.uncancel()));
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(
      "worker: caught",
      pyRepr(e.message),
      "cancelling() =",
      me.cancelling(),
    );
  }
  return "worker done";
}

function* main(): Generator<unknown, void> {
  const phase = getRunningLoop().createFuture<string>();
  const t = createTask(worker(phase));
  yield* phase;
  print(
    "main: cancel() x3 ->",
    ["first", "second", "third"].map((m) => t.cancel(m)),
  );
  print("main: cancelling() =", t.cancelling());
  for (let i = 0; i < 3; i++) {
    yield;
  }
  print("main: cancel() once more ->", t.cancel("fourth"));
  print("main:", yield* t, "; cancelling() =", t.cancelling());
}

await run(main, { clock });
