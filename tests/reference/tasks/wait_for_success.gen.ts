// wait_for() returns the result when the awaitable finishes in time: a
// coroutine, a task, a future set by a timer, one already done, and with no
// timeout at all; an exception of the awaitable comes through as it is.
// (A generator main awaits waitFor's promise through ensureFuture, and the
// coroutines handed to waitFor are generator objects.)
import {
  createTask,
  ensureFuture,
  getRunningLoop,
  run,
  sleep,
  waitFor,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

function* work(delay: number, value: string): Generator<unknown, string> {
  yield* sleep(delay);
  return value;
}

function* fails(): Generator<unknown, never> {
  yield* sleep(0.01);
  throw new ValueError("inner failed");
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  print("coroutine:", yield* ensureFuture(waitFor(work(0.01, "coro"), 1)));
  const t = createTask(work(0.01, "task"));
  print("task:", yield* ensureFuture(waitFor(t, 1)), t.done());
  const fut = loop.createFuture<string>();
  loop.callLater(0.01, (v) => fut.setResult(v), "timer");
  print("future:", yield* ensureFuture(waitFor(fut, 1)));
  const done = loop.createFuture<string>();
  done.setResult("done already");
  print("done future:", yield* ensureFuture(waitFor(done, 1)));
  print("done future, timeout 0:", yield* ensureFuture(waitFor(done, 0)));
  print(
    "no timeout:",
    yield* ensureFuture(waitFor(() => work(0.01, "none"), null)),
  );
  try {
    yield* ensureFuture(waitFor(fails, 1));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("failure:", pyRepr(e));
  }
}

await run(main, { clock });
