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

import type { EventLoop } from "./loop.ts";
import type { Future } from "./future.ts";
import type { Task } from "./task.ts";

function missing(): never {
  throw new Error("asyncio-ts: loop.ts was not loaded; import mod.ts");
}

/**
 * Passed by the library's own code to the `Task` constructor after it has
 * checked the arguments: it skips the checks.
 */
export const TRUSTED: unique symbol = Symbol("asyncio-ts trusted");

/** Hooks that loop.ts fills in. */
export const loopHooks = {
  /** `getEventLoop()`, for futures created without a loop. */
  defaultLoop: missing as () => EventLoop,
  /**
   * A done callback is about to resolve code that awaited a future of
   * `loop`: the loop lets that code run to its next suspension before it
   * runs its next ready callback.
   */
  resumed: missing as (
    loop: EventLoop,
    task: Task<unknown> | undefined,
  ) => void,
  /** Code that the loop resumed has suspended on a pending future. */
  suspended: missing as (loop: EventLoop) => void,
  /** Something happened on `loop` (a then() call, a settled task...). */
  activity: missing as (loop: EventLoop) => void,
  /** The task whose code `loop` is running now, if any. */
  currentTask: missing as (loop: EventLoop) => Task<unknown> | undefined,
  /**
   * The task that a `then()` call belongs to: the current task, or else the
   * one task whose code last went off to await something foreign.
   */
  awaitingTask: missing as (loop: EventLoop) => Task<unknown> | undefined,
  /** Whether the loop's debug mode is on. */
  debug: missing as (loop: EventLoop) => boolean,
  /** The running loop, if any. */
  running: missing as () => EventLoop | null,
  /** The task's code runs outside the loop's view (already started). */
  detach: missing as (loop: EventLoop, task: Task<unknown>) => void,
  /** The task is done: forget it. */
  taskDone: missing as (loop: EventLoop, task: Task<unknown>) => void,
  /**
   * A generator task's step begins: `task` is the current task until
   * {@linkcode loopHooks.leaveStep}, which restores what was current before.
   */
  enterStep: missing as (loop: EventLoop, task: Task<unknown>) => void,
  /**
   * What `resumed` announced did not happen: the task's function returned
   * a generator, whose steps run as generator steps.
   */
  notResumed: missing as (loop: EventLoop) => void,
  /** The generator task's step has ended. */
  leaveStep: missing as (loop: EventLoop) => void,
};

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
  /** The task's weak reference, which the loop holds while it is away. */
  ref: (_task: Task<unknown>): WeakRef<Task<unknown>> => {
    throw new Error("task.ts was not loaded");
  },
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
