// wait_for() on timeout cancels the awaitable, waits for it to finish, and
// raises TimeoutError; a timeout of 0 cancels a coroutine before it starts.
// An awaitable that swallows the cancellation and returns gives its value;
// one that raises something else on cancellation raises that.
import {
  CancelledError,
  createTask,
  currentTask,
  getRunningLoop,
  run,
  sleep,
  TimeoutError,
  waitFor,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

async function slow(name: string, onCancel = "raise"): Promise<string> {
  try {
    await sleep(10);
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

// deno-lint-ignore require-await
async function neverStarts(): Promise<void> {
  print("never printed");
}

async function main(): Promise<void> {
  try {
    await waitFor(() => slow("coro"), 0.01);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("coro: TimeoutError");
  }
  const t = createTask(() => slow("task"));
  try {
    await waitFor(t, 0.01);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("task: TimeoutError; task cancelled:", t.cancelled());
  }
  try {
    await waitFor(neverStarts, 0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("timeout 0: TimeoutError");
  }
  const fut = getRunningLoop().createFuture<void>();
  try {
    await waitFor(fut, 0.01);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("future: TimeoutError; future cancelled:", fut.cancelled());
  }
  print(await waitFor(() => slow("swallower", "return"), 0.01));
  try {
    await waitFor(() => slow("failer", "fail"), 0.01);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("failer:", pyRepr(e));
  }
  print("main: cancelling() =", currentTask()!.cancelling());
}

await run(main, { clock });
