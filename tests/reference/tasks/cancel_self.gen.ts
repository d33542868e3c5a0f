// A task may cancel itself: the CancelledError arrives at its next await
// that yields (sleep), not at an await of a future that is already done; a
// task that cancels itself and returns without yielding ends cancelled all
// the same, and one that catches its own cancellation goes on.
// (Generator tasks.)
import {
  CancelledError,
  createTask,
  currentTask,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr } from "../_py.ts";

function* atSleep(): Generator<unknown, void> {
  const me = currentTask()!;
  print("at_sleep: cancel(self) ->", me.cancel("self"));
  const done = getRunningLoop().createFuture<string>();
  done.setResult("done value");
  print("at_sleep: awaiting a done future gives", yield* done);
  try {
    yield* sleep(0);
  } catch (e) {
    if (e instanceof CancelledError) {
      print("at_sleep: CancelledError at sleep(0):", pyRepr(e.message));
    }
    throw e;
  }
}

// deno-lint-ignore require-yield
function* atReturn(): Generator<unknown, string> {
  currentTask()!.cancel();
  print("at_return: cancelled itself, returns a value");
  return "lost";
}

function* catches(): Generator<unknown, string> {
  const me = currentTask()!;
  me.cancel("once");
  try {
    yield* sleep(0.01);
    print("never printed");
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(
      "catches: caught",
      pyRepr(e.message),
      "cancelling() =",
      me.cancelling(),
    );
  }
  me.uncancel();
  yield* sleep(0);
  return "recovered";
}

function* main(): Generator<unknown, void> {
  for (const coro of [atSleep, atReturn, catches]) {
    const t = createTask<unknown>(coro);
    try {
      print("main: result", yield* t);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("main: CancelledError; cancelled() =", t.cancelled());
    }
  }
}

await run(main, { clock });
