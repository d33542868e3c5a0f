// wait_for() on timeout cancels the awaitable, waits for it to finish, and
// raises TimeoutError; a timeout of 0 cancels a coroutine before it starts.
// An awaitable that swallows the cancellation and returns gives its value;
// one that raises something else on cancellation raises that. (A generator
// main awaits waitFor's promise through ensureFuture, and the coroutines
// handed to waitFor are generators.)
import {
  CancelledError,
  createTask,
  currentTask,
  ensureFuture,
  getRunningLoop,
  run,
  sleep,
  TimeoutError,
  waitFor,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

function* slow(name: string, onCancel = "raise"): Generator<unknown, string> {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`${name}: cancelled, then ${onCancel}`);
    if (onCancel === "return") return `${name} returned anyway`;
    if (onCancel === "fail") {
      throw new ValueError(`${name} failed while cancelled`);
    }
    throw e;
  }
  return "never";
}

// deno-lint-ignore require-yield
function* neverStarts(): Generator<unknown, void> {
  print("never printed");
}

function* main(): Generator<unknown, void> {
  try {
    yield* ensureFuture(waitFor(slow("coro"), 0.01));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("coro: TimeoutError");
  }
  const t = createTask(slow("task"));
  try {
    yield* ensureFuture(waitFor(t, 0.01));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("task: TimeoutError; task cancelled:", t.cancelled());
  }
  try {
    yield* ensureFuture(waitFor(neverStarts(), 0));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("timeout 0: TimeoutError");
  }
  const fut = getRunningLoop().createFuture<void>();
  try {
    yield* ensureFuture(waitFor(fut, 0.01));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("future: TimeoutError; future cancelled:", fut.cancelled());
  }
  print(yield* ensureFuture(waitFor(() => slow("swallower", "return"), 0.01)));
  try {
    yield* ensureFuture(waitFor(slow("failer", "fail"), 0.01));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("failer:", pyRepr(e));
  }
  print("main: cancelling() =", currentTask()!.cancelling());
}

await run(main, { clock });
