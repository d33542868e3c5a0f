// Cancelling a task that waits in wait_for() cancels the inner awaitable
// too, waits for it, and raises CancelledError, not TimeoutError; the
// main task is not cancelled. A task passed to wait_for is cancelled
// with it.
import {
  type AwaitableLike,
  CancelledError,
  createTask,
  currentTask,
  run,
  sleep,
  TimeoutError,
  waitFor,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr } from "../_py.ts";

function msg(e: CancelledError): string {
  return e.message !== "" ? pyRepr(e.message) : "no message";
}

async function inner(name: string): Promise<void> {
  try {
    await sleep(10);
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled`);
    throw e;
  }
}

async function outer(awaitable: AwaitableLike<void>): Promise<void> {
  try {
    await waitFor(awaitable, 5);
  } catch (e) {
    if (e instanceof TimeoutError) {
      print("outer: TimeoutError");
      return;
    }
    if (e instanceof CancelledError) {
      print("outer: CancelledError with", msg(e));
    }
    throw e;
  }
}

async function main(): Promise<void> {
  let o = createTask(() => outer(() => inner("coro")));
  await sleep(0.01);
  o.cancel("from main");
  try {
    await o;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: outer cancelled:", o.cancelled());
  }
  const t = createTask(() => inner("task"));
  o = createTask(() => outer(t));
  await sleep(0.01);
  o.cancel();
  try {
    await o;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: outer cancelled:", o.cancelled(), "; task:", t.cancelled());
  }
  print("main: cancelling() =", currentTask()!.cancelling());
}

await run(main, { clock });
