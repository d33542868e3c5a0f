/**
 * What the helpers that need a running loop (`sleep()`, `gather()`,
 * `timeout()`, `TaskGroup`...) do when none runs: they throw at once, with
 * an error that says how to run them, as asyncio's `get_running_loop()`
 * raises "no running event loop". Not exported from mod.ts.
 *
 * The common way to get there is Python's `loop.run_until_complete(main())`
 * written as is: calling an `async` function runs its code at once, before
 * the loop, so `loop.runUntilComplete(main())` is given a promise that has
 * already failed. {@linkcode resultOf} then says to pass `main` itself.
 *
 * @module
 */

import {
  type AbstractEventLoop,
  currentLoop,
  runningLoop,
} from "./_runtime.ts";
import { isGenerator, isThenable } from "./_validate.ts";

/**
 * Throws asyncio's error for running a loop that is `running` already, or
 * while another loop runs.
 */
export function checkCanRun(running: boolean): void {
  if (running) throw new Error("This event loop is already running");
  if (runningLoop() !== null) {
    throw new Error("Cannot run the event loop while another loop is running");
  }
}

/** The errors {@linkcode noRunningLoop} made, with the function named. */
const noLoopErrors = new WeakMap<object, string>();

/**
 * The error of `method()` (such as `"sleep"`), called while no loop runs.
 *
 * @param method The function or method, without parentheses.
 */
export function noRunningLoop(method: string): Error {
  const error = new Error(
    `${method}() needs a running event loop: call it from code run by run(main) or loop.runUntilComplete(main)`,
  );
  noLoopErrors.set(error, method);
  return error;
}

/**
 * The running loop, for `method()`.
 *
 * @param method The function or method, named in the error.
 * @throws {Error} If no loop is running ({@linkcode noRunningLoop}).
 */
export function runningLoopFor(method: string): AbstractEventLoop {
  const loop = runningLoop();
  if (loop === null) throw noRunningLoop(method);
  return loop;
}

// Set while eventLoopFor() asks for the current loop: the loop factory
// (loop.ts) then makes none, and throws instead.
let probing = false;

/**
 * The loop factory's body: `make()` makes the first current loop, except
 * while {@linkcode eventLoopFor} asks.
 */
export function firstLoop<L>(make: () => L): L {
  if (probing) throw new Error("There is no current event loop");
  return make();
}

/**
 * The loop for `method()` where asyncio takes `get_event_loop()`'s
 * (`gather()`, `ensureFuture()`, `asCompleted()` of no future): the running
 * loop, else the current loop if there is one (set by `setEventLoop()`, or
 * made by an earlier `getEventLoop()`), but never a new one: a loop made
 * here would never run, and whatever awaited it would hang.
 *
 * @param method The function or method, named in the error.
 * @throws {Error} If there is neither ({@linkcode noRunningLoop}).
 */
export function eventLoopFor(method: string): AbstractEventLoop {
  const loop = runningLoop();
  if (loop !== null) return loop;
  probing = true;
  try {
    return currentLoop();
  } catch {
    throw noRunningLoop(method);
  } finally {
    probing = false;
  }
}

/**
 * `future.result()`, where `future` runs `given`, the argument of
 * `caller()` (`loop.runUntilComplete`), with its error explained by
 * {@linkcode explainFailure}.
 */
export function resultOf<T>(
  future: { result(): T },
  given: unknown,
  caller: string,
): T {
  try {
    return future.result();
  } catch (error) {
    throw given === future ? error : explainFailure(error, given, caller);
  }
}

/**
 * What `caller()` (`run`, `loop.runUntilComplete`) throws for `error`, the
 * failure of `given`, its argument: if `given` was a promise that failed
 * because its code called a helper before any loop ran, an error that says
 * to pass the `async` function itself, with the helper's error as its
 * `cause`; otherwise `error`.
 */
export function explainFailure(
  error: unknown,
  given: unknown,
  caller: string,
): unknown {
  const method = typeof error === "object" && error !== null
    ? noLoopErrors.get(error)
    : undefined;
  if (
    method === undefined || typeof given === "function" ||
    !isThenable(given) || isGenerator(given)
  ) return error;
  return new Error(
    `${caller}() was given a promise that had already failed: ${method}() needs a running event loop, and the promise's code called it before the loop ran. Pass the async function itself: ${caller}(main), not ${caller}(main())`,
    { cause: error },
  );
}
