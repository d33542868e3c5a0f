/**
 * The friend functions through which the loop, futures and tasks reach each
 * other's private state. Each class fills in its own entries from a `static`
 * block, so every field stays `#private` and no module has to import another
 * at evaluation time (future.ts must not import task.ts or loop.ts, since
 * `class Task extends Future` would then run before `Future` exists).
 *
 * Nothing here is exported from mod.ts.
 *
 * @module
 */

import type { Future } from "./future.ts";
import type { Task } from "./task.ts";

/**
 * Passed by the library's own code to the `Task` constructor after it has
 * checked the arguments: it skips the checks.
 */
export const TRUSTED: unique symbol = Symbol("asyncio-ts trusted");

/** Hooks that future.ts fills in. */
export const futureHooks = {} as {
  /**
   * Sets the result and runs the done callbacks at once, inside the current
   * callback, instead of scheduling them: `sleep(0)` resumes its awaiting
   * code after exactly one iteration, as asyncio's bare `yield` does.
   */
  setResultNow<T>(future: Future<T>, value: T): void;
  /**
   * Cancels the future without scheduling its done callbacks: the caller
   * runs them later with `runCallbacksNow`, in the place it holds in the
   * ready queue.
   */
  cancelDeferred(future: Future<unknown>, msg: string | undefined): boolean;
  /**
   * Cancels the future with the `CancelledError` a task's code let out, as
   * CPython's `Task.__step` saves it in `_cancelled_exc` and calls
   * `Future.cancel()` without a message.
   */
  cancelWith(future: Future<unknown>, error: Error): void;
  /** Runs and clears the done callbacks at once. */
  runCallbacksNow(future: Future<unknown>): void;
  /** The done callback added last, if the future is pending. */
  lastCallback(future: Future<unknown>): unknown;
  /** Adds a done callback without checking it (the loop's own). */
  addCallback(future: Future<unknown>, waiter: Task<unknown>): void;
  /**
   * The future a `yield*` of it is suspended on, as CPython's
   * `_asyncio_future_blocking`: a generator task tells it from a bare
   * `yield future`.
   */
  blocking: Future<unknown> | undefined;
  /**
   * Set by a task right before it resumes a generator suspended on a
   * future, with the future's result; the iterator of `yield* future`
   * checks and clears it.
   */
  resuming: boolean;
};

/** Hooks that task.ts fills in. */
export const taskHooks = {
  /** Puts a pending task in the weak registry of live tasks. */
  register: (_task: Task<unknown>): void => {},
  /** A generator task's wakeup: `future`, which it waited on, is done. */
  wakeup: (_task: Task<unknown>, _future: Future<unknown>): void => {},
  /** The task's code now awaits `future`. */
  awaiting: (_task: Task<unknown>, _future: Future<unknown>): void => {},
  /**
   * The future the task awaited is done and its code resumes: returns the
   * `CancelledError` to throw there instead if a cancellation is pending.
   */
  woken: (
    _task: Task<unknown>,
    _future: Future<unknown>,
  ): Error | undefined => undefined,
};
