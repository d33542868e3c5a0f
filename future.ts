/**
 * {@linkcode Future}, a result that is not there yet, bound to one event
 * loop. A port of CPython's `Lib/asyncio/futures.py`.
 *
 * @module
 */

import { captureSource, type Source } from "./_debug.ts";
import { CancelledError, InvalidStateError } from "./errors.ts";
import { type AbstractEventLoop, type RuntimeTask, SLOT } from "./_runtime.ts";
import {
  ADD_WAITER,
  Awaiter,
  awaitFuture,
  runWaiterNow,
  scheduleWaiter,
  type Waiter,
  waiterCallback,
} from "./_await.ts";
import { type AnyFunction, formatCallback } from "./partial.ts";
import { inspectAsString, repr, shortRepr } from "./repr.ts";
import { addUnread, markRead, reportUnread } from "./_report.ts";
import { FutureIterator } from "./_future_iterator.ts";
import { waiterOfCallback } from "./_awaited_by.ts";
import { checkFunction } from "./_validate.ts";
import { type FutureOptions, loopOfOptions } from "./_future_options.ts";

export type { FutureOptions } from "./_future_options.ts";

// asyncio's PENDING / CANCELLED / FINISHED (split in finished with a result
// and failed with an exception). The state is a number and `#value` holds
// what it carries: the result, the exception, or the cancel message. Not a
// discriminated union object: that would be one allocation per completed
// future, on the hottest path of the loop.
const PENDING = 0;
const FINISHED = 1;
const FAILED = 2;
const CANCELLED = 3;
type Status =
  | typeof PENDING
  | typeof FINISHED
  | typeof FAILED
  | typeof CANCELLED;
const STATUS_NAMES = ["pending", "finished", "finished", "cancelled"];

/**
 * A done callback: a user's, or the one behind an `await`. Stored untyped so
 * that `Future<T>` stays assignable to `Future<unknown>`.
 */
type DoneCallback = AnyFunction;

/**
 * Where debug-mode futures were created. Kept beside the futures rather than
 * in them: every future would pay a field for what debug mode alone uses.
 */
const sources = new WeakMap<object, Source>();

/**
 * The keys of the library's own methods of a future (not exported from
 * mod.ts): {@linkcode Future}'s `[SETTLE_NOW]` and the others say what
 * they do.
 */
export const SETTLE_NOW: unique symbol = Symbol("settleNow");
/** See {@linkcode SETTLE_NOW}. */
export const CANCEL_WITH: unique symbol = Symbol("cancelWith");
/** See {@linkcode SETTLE_NOW}. */
export const CANCEL_DEFERRED: unique symbol = Symbol("cancelDeferred");
/** See {@linkcode SETTLE_NOW} (_await.ts uses it too). */
export { ADD_WAITER };
/** See {@linkcode SETTLE_NOW}. */
export const LAST_CALLBACK: unique symbol = Symbol("lastCallback");
/** See {@linkcode SETTLE_NOW} (the introspection's). */
export const WAITERS: unique symbol = Symbol("waiters");
/** See {@linkcode SETTLE_NOW} (the introspection's). */
export const FAILURE: unique symbol = Symbol("failure");

/**
 * A result that is not there yet, settled once by
 * {@linkcode Future.setResult}, {@linkcode Future.setException} or
 * {@linkcode Future.cancel}.
 *
 * Unlike a `Promise`, a future's state can be read synchronously, and its
 * done callbacks run on its loop's schedule, through
 * {@linkcode EventLoop.callSoon}, in the order they were added.
 *
 * Differences from asyncio: a future is also a thenable, so `await future`
 * works in any `async` function; code awaiting a pending future resumes
 * through a done callback, before the loop runs its next ready callback, as
 * a coroutine resumes inside its task's wakeup in asyncio.
 *
 * @typeParam T The type of the result.
 *
 * @example Awaiting a future
 * ```ts
 * import { EventLoop } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop();
 * const future = loop.createFuture<string>();
 * loop.callSoon(() => future.setResult("the result"));
 *
 * assert.equal(await loop.runUntilComplete(future), "the result");
 * loop.close();
 * ```
 */
export class Future<T> implements PromiseLike<T> {
  #loop: AbstractEventLoop;
  #status: Status = PENDING;
  /**
   * By `#status`: the result, the exception, or for a cancelled future its
   * message, or the `CancelledError` a task's code let out (handed to the
   * first reader only, as CPython's `_cancelled_exc`).
   */
  #value: unknown = undefined;
  /** None, one (most futures), or several done callbacks. */
  #callbacks: Waiter | Waiter[] | undefined = undefined;

  /**
   * Creates a pending future.
   *
   * @param options The loop to bind to.
   * @throws {TypeError} If `options` is not an object or `options.loop` is
   * not an event loop.
   */
  constructor(options: FutureOptions = {}) {
    this.#loop = loopOfOptions(new.target, options);
    if (this.#loop[SLOT].debug) sources.set(this, captureSource());
  }

  /**
   * Whether the future is done: it has a result or an exception, or was
   * cancelled.
   *
   * @returns `true` unless the future is pending.
   */
  done(): boolean {
    return this.#status !== PENDING;
  }

  /**
   * Whether the future was cancelled.
   *
   * @returns `true` if {@linkcode Future.cancel} cancelled it.
   */
  cancelled(): boolean {
    return this.#status === CANCELLED;
  }

  /**
   * Returns the result of the future.
   *
   * If the future was cancelled, throws {@linkcode CancelledError}. If it
   * finished with an exception, throws that exception.
   *
   * @returns The value given to {@linkcode Future.setResult}.
   * @throws {CancelledError} If the future was cancelled.
   * @throws {InvalidStateError} If the future is still pending.
   *
   * @example Usage
   * ```ts
   * import { EventLoop, InvalidStateError } from "asyncio-ts";
   * import assert from "node:assert/strict";
   *
   * const loop = new EventLoop();
   * const future = loop.createFuture<number>();
   * assert.throws(() => future.result(), InvalidStateError);
   *
   * future.setResult(42);
   * assert.equal(future.result(), 42);
   * loop.close();
   * ```
   */
  result(): T {
    switch (this.#status) {
      case PENDING:
        throw new InvalidStateError("Result is not set.");
      case CANCELLED:
        throw this.#cancelledError();
      case FAILED:
        this.#retrieved();
        throw this.#value;
      case FINISHED:
        return this.#value as T;
    }
  }

  /**
   * Returns the exception that the future finished with, or `undefined` if
   * it finished with a result.
   *
   * @returns The value given to {@linkcode Future.setException}, if any.
   * @throws {CancelledError} If the future was cancelled.
   * @throws {InvalidStateError} If the future is still pending.
   */
  exception(): unknown {
    switch (this.#status) {
      case PENDING:
        throw new InvalidStateError("Exception is not set.");
      case CANCELLED:
        throw this.#cancelledError();
      case FAILED:
        this.#retrieved();
        return this.#value;
      case FINISHED:
        return undefined;
    }
  }

  /**
   * Marks the future done with a result and schedules its done callbacks.
   *
   * @param value The result.
   * @throws {InvalidStateError} If the future is already done.
   */
  setResult(value: T): void {
    if (this.#status !== PENDING) {
      throw new InvalidStateError("invalid state");
    }
    this.#status = FINISHED;
    this.#value = value;
    this.#scheduleCallbacks();
  }

  /**
   * Marks the future done with an exception and schedules its done
   * callbacks.
   *
   * @param error The exception; `result()` will throw it.
   * @throws {InvalidStateError} If the future is already done.
   */
  setException(error: unknown): void {
    if (this.#status !== PENDING) {
      throw new InvalidStateError("invalid state");
    }
    this.#status = FAILED;
    this.#value = error;
    // Scheduled first, as asyncio does: the callbacks are then out of the
    // repr that the report shows (asyncio formats it when the future dies).
    this.#scheduleCallbacks();
    // Unread until result() or exception() reads it, then reported when
    // the loop closes or the future is collected: kept beside the future,
    // so that no future pays a field for what only failed ones need.
    addUnread(
      this,
      this.#loop,
      `${this.constructor.name} exception was never retrieved`,
      error,
      this.toString(),
      sources.get(this),
    );
  }

  /**
   * Where the future was created, when its loop's debug mode was on.
   *
   * @returns The stack, or `undefined`.
   */
  sourceTraceback(): string | undefined {
    return sources.get(this)?.stack;
  }

  /**
   * Cancels the future and schedules its done callbacks.
   *
   * If the future is already done or cancelled, returns `false`. Otherwise,
   * changes the future's state to cancelled, schedules the callbacks and
   * returns `true`.
   *
   * @param msg The message of the {@linkcode CancelledError} that
   * `result()` throws and that awaiting code receives.
   * @returns Whether this call cancelled the future.
   */
  cancel(msg?: string): boolean {
    if (this.#status !== PENDING) return false;
    this.#status = CANCELLED;
    this.#value = msg;
    this.#scheduleCallbacks();
    return true;
  }

  /**
   * Adds a callback to run when the future is done.
   *
   * The callback is called with the future as its only argument, through
   * `loop.callSoon(fn, future)`. Callbacks are scheduled in the order they
   * were added. If the future is already done, `fn` is scheduled at once.
   *
   * @param fn The callback.
   * @throws {TypeError} If `fn` is not a function.
   */
  addDoneCallback(fn: (future: Future<T>) => void): void {
    checkFunction("addDoneCallback", "fn", fn);
    if (this.#status !== PENDING) this.#loop.callSoon(fn, this);
    else this.#addCallback(fn);
  }

  /**
   * Removes every registration of `fn` from the done callbacks.
   *
   * @param fn The callback to remove.
   * @returns The number of callbacks removed.
   * @throws {TypeError} If `fn` is not a function.
   */
  removeDoneCallback(fn: (future: Future<T>) => void): number {
    checkFunction("removeDoneCallback", "fn", fn);
    const callbacks = this.#callbackList();
    const kept = callbacks.filter((callback) => callback !== fn);
    const removed = callbacks.length - kept.length;
    if (removed > 0) this.#callbacks = kept.length > 0 ? kept : undefined;
    return removed;
  }

  /**
   * The loop the future is bound to.
   *
   * @returns The loop.
   */
  getLoop(): AbstractEventLoop {
    return this.#loop;
  }

  /**
   * Makes `await future` work, in any `async` function.
   *
   * Code that awaits a pending future resumes on the loop's schedule,
   * through a done callback, and runs to its next `await` before the loop
   * runs its next ready callback. Awaiting a future that is already done
   * does not wait for a loop iteration. A cancelled future rejects with
   * {@linkcode CancelledError}. A task of a running loop that awaits a
   * pending future of another loop receives asyncio's error, `Task ... got
   * Future ... attached to a different loop`, on its loop's next iteration.
   * Code outside any task that awaits a future whose loop is not running
   * resumes when that loop runs.
   *
   * @typeParam R1 The type `onFulfilled` returns.
   * @typeParam R2 The type `onRejected` returns.
   * @param onFulfilled Called with the result.
   * @param onRejected Called with the exception, or a `CancelledError`.
   * @returns A promise of what the handler returns.
   */
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return awaitFuture(this, onFulfilled, onRejected) as Promise<R1 | R2>;
  }

  /**
   * Makes `yield* future` work in a generator task (asyncio's
   * `yield from future`, the coroutine protocol of `Future.__await__`): a
   * pending future suspends the generator until it is done, then `yield*`
   * evaluates to its result, or throws its exception (a
   * {@linkcode CancelledError} if it was cancelled).
   *
   * A generator driven by a {@linkcode Task} is stepped by the loop itself,
   * with no promise in between: it resumes inside the future's done
   * callback, exactly as an asyncio coroutine resumes in its task's
   * wakeup.
   *
   * @returns An iterator that yields the future while it is pending and
   * returns its result.
   * @throws {Error} If it is resumed by something else than a task (the
   * generator was not driven by one).
   *
   * @example Usage
   * ```ts
   * import { EventLoop, Future } from "asyncio-ts";
   * import assert from "node:assert/strict";
   *
   * const loop = new EventLoop();
   * const result = await loop.runUntilComplete(function* () {
   *   const future = loop.createFuture<number>();
   *   loop.callSoon(() => future.setResult(21));
   *   return 2 * (yield* future);
   * });
   * assert.equal(result, 42);
   * loop.close();
   * ```
   */
  [Symbol.iterator](): Iterator<Future<T>, T, unknown> {
    return new FutureIterator<Future<T>, T>(this);
  }

  /**
   * @ignore Sets the result unless the future is done (cancelled), and runs
   * the done callbacks at once, inside the current callback: `sleep(0)`
   * resumes its awaiting code after exactly one iteration, as asyncio's
   * bare `yield` does.
   */
  [SETTLE_NOW](value: T): void {
    if (this.#status === PENDING) {
      this.#status = FINISHED;
      this.#value = value;
    }
    const callbacks = this.#callbacks;
    if (callbacks === undefined) return;
    this.#callbacks = undefined;
    const loop = this.#loop;
    if (!Array.isArray(callbacks)) runWaiterNow(loop, callbacks, this);
    else for (const callback of callbacks) runWaiterNow(loop, callback, this);
  }

  /**
   * @ignore Cancels the future with the `CancelledError` a task's code let
   * out, as CPython's `Task.__step` saves it in `_cancelled_exc`.
   */
  [CANCEL_WITH](error: Error): void {
    if (this.#status !== PENDING) return;
    this.#status = CANCELLED;
    this.#value = error;
    this.#scheduleCallbacks();
  }

  /**
   * @ignore Cancels the future without scheduling its done callbacks: the
   * caller runs them later with `[SETTLE_NOW]`, in the place it holds
   * in the ready queue.
   */
  [CANCEL_DEFERRED](msg: string | undefined): boolean {
    if (this.#status !== PENDING) return false;
    this.#status = CANCELLED;
    this.#value = msg;
    return true;
  }

  /**
   * @ignore Adds code awaiting the future, or a generator task waiting on
   * it: unchecked, unless a subclass has its own `addDoneCallback()`, which
   * gets the wakeup as a function, as asyncio's `Task.__step` calls
   * `result.add_done_callback(self.__wakeup)`.
   */
  [ADD_WAITER](waiter: Awaiter | RuntimeTask): void {
    if (this.addDoneCallback === addDoneCallback) this.#addCallback(waiter);
    else this.addDoneCallback(waiterCallback(waiter));
  }

  /** @ignore The done callback added last, if the future is pending. */
  [LAST_CALLBACK](): unknown {
    const callbacks = this.#callbacks;
    return Array.isArray(callbacks) ? callbacks.at(-1) : callbacks;
  }

  /** @ignore What awaits it (asyncio's awaited-by; see _awaited_by.ts). */
  [WAITERS](): object[] {
    const waiters: object[] = [];
    for (const waiter of this.#callbackList()) {
      const task = waiter instanceof Awaiter
        ? waiter.task
        : typeof waiter === "function"
        ? waiterOfCallback(waiter)
        : waiter;
      if (task !== undefined) waiters.push(task);
    }
    return waiters;
  }

  /** @ignore What it failed with, not marked retrieved. */
  [FAILURE](): { error: unknown } | undefined {
    return this.#status === FAILED ? { error: this.#value } : undefined;
  }

  /**
   * Formats the future as asyncio's `repr()` does, for example
   * `<Future finished result='the result'>`.
   *
   * @returns The formatted future.
   */
  toString(): string {
    return `<${this.constructor.name} ${this.reprInfo().join(" ")}>`;
  }

  /**
   * The parts of {@linkcode Future.toString}, such as
   * `["finished", "result='the result'"]`, as CPython's
   * `_future_repr_info()`.
   *
   * @returns The state, the result or exception, and the done callbacks.
   */
  protected reprInfo(): string[] {
    const status = this.#status;
    const info: string[] = [STATUS_NAMES[status]!];
    if (status === FINISHED) info.push(`result=${shortRepr(this.#value)}`);
    if (status === FAILED) info.push(`exception=${repr(this.#value)}`);
    const callbacks = this.#callbackList();
    if (callbacks.length > 0) {
      const format = (fn: Waiter) =>
        typeof fn === "function"
          ? `${formatCallback(fn, shortRepr)}()`
          : "wakeup()";
      const shown = callbacks.length <= 2 ? callbacks.map(format) : [
        format(callbacks[0]!),
        `<${callbacks.length - 2} more>`,
        format(callbacks[callbacks.length - 1]!),
      ];
      info.push(`cb=[${shown.join(", ")}]`);
    }
    const location = sources.get(this)?.location;
    if (location !== undefined) info.push(`created at ${location}`);
    return info;
  }

  /**
   * CPython's `_make_cancelled_error()`: the error saved from a task's code
   * the first time, then a new one with the cancel message (none, for such
   * a task, whose `Future.cancel()` was called without one).
   */
  #cancelledError(): CancelledError {
    const value = this.#value;
    if (value instanceof CancelledError) {
      this.#value = undefined;
      return value;
    }
    return new CancelledError(value as string | undefined);
  }

  #retrieved(): void {
    markRead(this);
  }

  #scheduleCallbacks(): void {
    const callbacks = this.#callbacks;
    if (callbacks === undefined) return;
    this.#callbacks = undefined;
    const loop = this.#loop;
    if (!Array.isArray(callbacks)) scheduleWaiter(loop, callbacks, this);
    else for (const callback of callbacks) scheduleWaiter(loop, callback, this);
  }

  #addCallback(fn: Waiter): void {
    const callbacks = this.#callbacks;
    if (callbacks === undefined) this.#callbacks = fn;
    else if (!Array.isArray(callbacks)) this.#callbacks = [callbacks, fn];
    else callbacks.push(fn);
  }

  #callbackList(): Waiter[] {
    const callbacks = this.#callbacks;
    if (callbacks === undefined) return [];
    return Array.isArray(callbacks) ? callbacks : [callbacks];
  }
}

inspectAsString(Future.prototype);

// Told from a subclass's own by identity: one load and compare per await.
const addDoneCallback = Future.prototype.addDoneCallback;

/**
 * Reports the futures and tasks of `loop` that failed and whose exception
 * nobody retrieved, each once, as asyncio reports them when they are
 * collected ("Task exception was never retrieved"); `loop.close()` calls
 * it.
 */
export function reportUnretrieved(loop: AbstractEventLoop): void {
  reportUnread(loop, (future) => (future as Future<unknown>)[FAILURE]()?.error);
}
