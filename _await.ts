/**
 * The machinery behind `await future` (future.ts's `then()`): code that
 * awaits a pending future registers an {@linkcode Awaiter} among its done
 * callbacks, and resumes in that record's wakeup. Kept apart from future.ts,
 * which it does not import: it sees a future through
 * {@linkcode AwaitedFuture}. Not exported from mod.ts.
 *
 * @module
 */

import {
  type AbstractEventLoop,
  AWAITING,
  RUN,
  runningLoop,
  type RuntimeTask,
  SLOT,
  slotOf,
  WAKEUP,
  WOKEN,
} from "./_runtime.ts";
import { noteSuspension } from "./_suspension.ts";
import { type AnyFunction, formatCallback } from "./partial.ts";
import { repr } from "./repr.ts";

/**
 * The key of a future's method that adds a waiter (an
 * {@linkcode Awaiter}, or a generator task) to its done callbacks,
 * unchecked; future.ts re-exports it.
 */
export const ADD_WAITER: unique symbol = Symbol("addWaiter");

/** A future, as the code awaiting it sees it. */
export interface AwaitedFuture {
  getLoop(): AbstractEventLoop;
  done(): boolean;
  /** The result, or throws the exception (asyncio's `__await__` reads it so). */
  result(): unknown;
  [ADD_WAITER](waiter: Awaiter): void;
  toString(): string;
}

/**
 * What a future calls when done: a done callback, code awaiting it by
 * `then()` (an {@linkcode Awaiter}, woken by {@linkcode wakeAwaiter}), or a
 * generator task waiting on it (woken through its `[WAKEUP]` method,
 * CPython's bound `__wakeup`, without a closure per task).
 */
export type Waiter = ((future: never) => unknown) | Awaiter | RuntimeTask;

/** A generator task's wakeup, scheduled as asyncio schedules `__wakeup`. */
function wakeup(task: RuntimeTask, future: AwaitedFuture): void {
  task[WAKEUP](future);
}

/**
 * Schedules what `future`, now done, calls: a done callback, a generator
 * task's wakeup, or the wakeup of code awaiting it, which goes in the
 * ready queue with no handle where the loop allows it.
 */
export function scheduleWaiter(
  loop: AbstractEventLoop,
  waiter: Waiter,
  future: AwaitedFuture,
): void {
  if (typeof waiter === "function") loop.callSoon(waiter, future as never);
  else if (waiter instanceof Awaiter) {
    const queue = loop[SLOT].queueWakeup;
    if (queue !== null) queue(waiter);
    else loop.callSoon(wakeAwaiter, waiter);
  } else loop.callSoon(wakeup, waiter, future);
}

/** Runs what `future` calls at once, reporting what it throws. */
export function runWaiterNow(
  loop: AbstractEventLoop,
  waiter: Waiter,
  future: AwaitedFuture,
): void {
  try {
    if (typeof waiter === "function") waiter(future as never);
    else if (waiter instanceof Awaiter) wakeAwaiter(waiter);
    else waiter[WAKEUP](future);
  } catch (exception) {
    const name = typeof waiter === "function"
      ? formatCallback(waiter as AnyFunction, repr)
      : "wakeup";
    loop.callExceptionHandler({
      message: `Exception in callback ${name}`,
      exception,
      future,
    });
  }
}

type Resolve = (value: unknown) => void;
type Reject = (reason: unknown) => void;
type OnFulfilled = ((value: never) => unknown) | null | undefined;
type OnRejected = ((reason: unknown) => unknown) | null | undefined;

/**
 * One `await` of a future by `then()`: what its wakeup needs, in one small
 * record rather than a closure that would keep the contexts of `then()` and
 * of its promise's executor alive while the code waits.
 */
export class Awaiter {
  constructor(
    readonly future: AwaitedFuture,
    /** Settled later when a follower claims it (TaskSlot.follow). */
    public task: RuntimeTask | undefined,
    readonly resolve: Resolve,
    readonly reject: Reject,
    readonly onFulfilled: OnFulfilled,
    readonly onRejected: OnRejected,
  ) {}

  /** As the future: the handle of its wakeup shows `wakeup(<Future ...>)`. */
  toString(): string {
    return String(this.future);
  }

  /** Its wakeup, run from the loop's ready queue (it needs no handle). */
  [RUN](): void {
    wakeAwaiter(this);
  }

  /** A wakeup cannot be cancelled. */
  cancelled(): boolean {
    return false;
  }
}

/**
 * The wakeup of code awaiting a future by `then()`, scheduled with its
 * {@linkcode Awaiter} when the future is done. Named `wakeup` for the
 * reprs, as the closure it replaces was.
 */
export const wakeAwaiter = function wakeup(awaiter: Awaiter): void {
  const task = awaiter.task;
  const future = awaiter.future;
  const cancelled = task === undefined ? undefined : task[WOKEN](future);
  const slot = slotOf(future.getLoop());
  if (task !== undefined && slot.awaits !== null) slot.countAwait(task, -1);
  slot.resumed(task);
  settle(awaiter, cancelled);
};

/**
 * A waiter (an {@linkcode Awaiter}, or a generator task) as a done callback,
 * for a future subclass's own `addDoneCallback()`; named `wakeup` as in the
 * reprs.
 */
export function waiterCallback(
  waiter: Awaiter | RuntimeTask,
): (future: AwaitedFuture) => void {
  return waiter instanceof Awaiter
    ? function wakeup() {
      wakeAwaiter(waiter);
    }
    : function wakeup(future: AwaitedFuture) {
      waiter[WAKEUP](future);
    };
}

// The resolving functions of the promise a `then()` returns, handed out by
// its executor: one function for every call, not a closure per call.
let capturedResolve: Resolve | undefined;
let capturedReject: Reject | undefined;

function capture(resolve: Resolve, reject: Reject): void {
  capturedResolve = resolve;
  capturedReject = reject;
}

/**
 * `future.then(onFulfilled, onRejected)`: code awaiting a pending future
 * resumes in a done callback (its wakeup), before the loop runs its next
 * ready callback; a future that is already done settles in a microtask.
 */
export function awaitFuture(
  future: AwaitedFuture,
  onFulfilled: OnFulfilled,
  onRejected: OnRejected,
): Promise<unknown> {
  const promise = new Promise(capture);
  const resolve = capturedResolve!;
  const reject = capturedReject!;
  capturedResolve = capturedReject = undefined;
  // What this throws rejects the promise, as if thrown in the executor.
  try {
    const loop = future.getLoop();
    if (future.done()) {
      slotOf(loop).activity++;
      const awaiter = new Awaiter(
        future,
        undefined,
        resolve,
        reject,
        onFulfilled,
        onRejected,
      );
      queueMicrotask(() => settle(awaiter, undefined));
    } else {
      awaitPending(future, loop, resolve, reject, onFulfilled, onRejected);
    }
  } catch (error) {
    reject(error);
  }
  return promise;
}

function awaitPending(
  future: AwaitedFuture,
  loop: AbstractEventLoop,
  resolve: Resolve,
  reject: Reject,
  onFulfilled: OnFulfilled,
  onRejected: OnRejected,
): void {
  const running = runningLoop();
  if (running !== null && running !== loop) {
    const other = slotOf(running).current();
    if (other !== undefined) {
      // As asyncio's Task.__step: a task awaits only futures of its own
      // loop, and gets RuntimeError on its loop's next iteration.
      return failAtNextStep(
        running,
        new Awaiter(future, other, resolve, reject, onFulfilled, onRejected),
        new Error(
          `Task ${other} got Future ${future} attached to a different loop`,
        ),
      );
    }
  }
  const slot = slotOf(loop);
  const task = slot.awaitingTask();
  const awaiter = new Awaiter(
    future,
    task,
    resolve,
    reject,
    onFulfilled,
    onRejected,
  );
  if ((task as unknown) === future) {
    return failAtNextStep(
      loop,
      awaiter,
      new Error(`Task cannot await on itself: ${future}`),
    );
  }
  future[ADD_WAITER](awaiter);
  if (task === undefined) {
    if (slot.stepping) slot.unclaimed.push(awaiter);
  } else if (slot.awaits !== null) slot.countAwait(task, 1);
  if (!slot.isOtherCode(task)) slot.suspended();
  if (task === undefined) return;
  if (slot.debug) noteSuspension(loop, future, false, task);
  // After the wakeup is registered: a pending cancellation cancels this
  // future at once, which schedules the wakeup.
  task[AWAITING](future);
}

/**
 * An await that asyncio's `Task.__step` refuses: the error is thrown into
 * the awaiting code on its loop's next iteration, through the await's own
 * handlers, and the code counts as suspended meanwhile.
 */
function failAtNextStep(
  loop: AbstractEventLoop,
  awaiter: Awaiter,
  error: Error,
): void {
  const slot = slotOf(loop);
  loop.callSoon(() => {
    slot.resumed(awaiter.task);
    deliver(awaiter, true, error);
  });
  slot.suspended();
}

/**
 * Settles the promise of a `then()` with the future's outcome, or with
 * `cancelled`, the `CancelledError` its task must receive instead (then the
 * future was not cancelled itself: its exception is still marked read).
 */
function settle(awaiter: Awaiter, cancelled: Error | undefined): void {
  let value: unknown;
  let failed = cancelled !== undefined;
  let error: unknown = cancelled;
  try {
    value = awaiter.future.result();
  } catch (thrown) {
    if (!failed) error = thrown;
    failed = true;
  }
  deliver(awaiter, failed, failed ? error : value);
}

/** Resolves or rejects the promise of a `then()` through its handlers. */
function deliver(awaiter: Awaiter, failed: boolean, outcome: unknown): void {
  const { resolve, reject } = awaiter;
  try {
    if (!failed) {
      const onFulfilled = awaiter.onFulfilled as
        | ((value: unknown) => unknown)
        | null
        | undefined;
      resolve(
        typeof onFulfilled === "function" ? onFulfilled(outcome) : outcome,
      );
      return;
    }
    const onRejected = awaiter.onRejected;
    if (typeof onRejected === "function") resolve(onRejected(outcome));
    else reject(outcome);
  } catch (thrown) {
    reject(thrown);
  }
}
