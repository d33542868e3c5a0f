/**
 * {@linkcode Lock}, {@linkcode Event} and {@linkcode Condition}, a port of
 * CPython 3.13's `Lib/asyncio/locks.py` ({@linkcode Semaphore} and
 * {@linkcode BoundedSemaphore} are in semaphore.ts, {@linkcode Barrier} in
 * barrier.ts).
 *
 * Waiters wake in FIFO order. A primitive binds to the running loop the
 * first time one of its methods has to wait, as asyncio's `_LoopBoundMixin`
 * does; only waiting checks the binding. The methods that wait return a
 * {@linkcode Waitable}: `await` it in an `async` function, `yield*` it in
 * a generator coroutine. The others (`release()`, `set()`, `notify()`...)
 * may be called from anywhere, plain callbacks included.
 *
 * @module
 */

import { CancelledError } from "./errors.ts";
import { Future } from "./future.ts";
import { futureOptionsOf } from "./_future_options.ts";
import type { AbstractEventLoop } from "./_runtime.ts";
import { inspectAsString } from "./repr.ts";
import type { BlockResult } from "./_util.ts";
import { argumentError, checkFunction } from "./_validate.ts";
import {
  bindLoop,
  holdWhile,
  type ReleasedOnDispose,
  releaseOnDispose,
  someoneWaits,
  type Waitable,
  waitable,
} from "./_loop_bound.ts";
import { Deque } from "./_deque.ts";

/** `locked` or `unlocked`, with the waiters, as asyncio's reprs end. */
function describeWaiters(state: string, waiters: number): string {
  return waiters > 0 ? `${state}, waiters:${waiters}` : state;
}

/**
 * A mutual exclusion lock for tasks, asyncio's `asyncio.Lock`: not owned
 * by the task that acquired it, and fair: when it is released, the task
 * that has waited longest gets it.
 *
 * Python's `async with lock:` is `await lock.run(async () => ...)`; or
 * `await lock.acquire()` then `try { ... } finally { lock.release() }`
 * (`yield* lock.acquire()` in a generator coroutine).
 *
 * A waiter cancelled after the lock was handed to it passes its turn on to
 * the next waiter, so no wake-up is lost.
 *
 * @example Usage
 * ```ts
 * import { createTask, EventLoop, gather, Lock, sleep } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const lock = new Lock();
 * const order: string[] = [];
 * async function worker(name: string) {
 *   await lock.run(async () => {
 *     order.push(`${name} in`);
 *     await sleep(1);
 *     order.push(`${name} out`);
 *   });
 * }
 * await loop.runUntilComplete(() =>
 *   gather([createTask(() => worker("a")), createTask(() => worker("b"))])
 * );
 * assert.deepEqual(order, ["a in", "a out", "b in", "b out"]);
 * assert.equal(loop.time(), 2);
 * loop.close();
 * ```
 */
export class Lock {
  #loop: AbstractEventLoop | undefined = undefined;
  // null until the first wait, as asyncio's `_waiters = None`.
  #waiters: Deque<Future<boolean>> | null = null;
  #locked = false;

  /**
   * Whether the lock is held.
   *
   * @returns `true` if it is locked.
   */
  locked(): boolean {
    return this.#locked;
  }

  /**
   * Acquires the lock: at once if it is unlocked and nobody waits for it;
   * otherwise waits for its turn, in FIFO order.
   *
   * @returns A {@linkcode Waitable} that resolves with `true`.
   * @throws {Error} If it must wait on a loop other than the one the lock
   * is bound to (`<Lock [locked]> is bound to a different event loop`).
   * @throws {CancelledError} If the task is cancelled while it waits.
   */
  acquire(): Waitable<true> {
    return waitable(this.#acquire());
  }

  *#acquire(): Generator<unknown, true, unknown> {
    // Fair: a newcomer takes the lock only if nobody (not cancelled) waits.
    if (!this.#locked && !someoneWaits(this.#waiters)) {
      this.#locked = true;
      return true;
    }
    const waiters = this.#waiters ??= new Deque();
    const loop = this.#loop = bindLoop(this, this.#loop, "Lock.acquire");
    const fut = new Future<boolean>(futureOptionsOf(loop));
    waiters.push(fut);
    try {
      try {
        yield* fut;
      } finally {
        waiters.remove(fut);
      }
    } catch (error) {
      // The lock is not claimed (nor about to be, by this task): make sure
      // the task at the head of the waiters runs.
      if (error instanceof CancelledError && !this.#locked) {
        this.#wakeUpFirst();
      }
      throw error;
    }
    this.#locked = true;
    return true;
  }

  /**
   * Releases the lock, and wakes the first task waiting for it, if any.
   *
   * @throws {Error} If the lock is not held (`Lock is not acquired.`).
   */
  release(): void {
    if (!this.#locked) throw new Error("Lock is not acquired.");
    this.#locked = false;
    this.#wakeUpFirst();
  }

  /**
   * Python's `async with lock:`: acquires the lock, runs `body` (an
   * `async` function, or a generator function run inline), and releases
   * the lock when it ends, however it ends.
   *
   * @typeParam R What `body` returns.
   * @param body The code to run while holding the lock.
   * @returns What `body` returned (awaited).
   */
  run<R>(body: () => R): Promise<BlockResult<R>> {
    return holdWhile(this, body, "Lock.run");
  }

  /**
   * Formats the lock as asyncio's `repr()` does, without the address.
   *
   * @returns Such as `<Lock [locked, waiters:2]>`.
   */
  toString(): string {
    const state = this.#locked ? "locked" : "unlocked";
    return `<Lock [${describeWaiters(state, this.#waiters?.length ?? 0)}]>`;
  }

  #wakeUpFirst(): void {
    const fut = this.#waiters?.at(0);
    // A done future is already set to wake up.
    if (fut !== undefined && !fut.done()) fut.setResult(true);
  }
}

/**
 * Where the host's types know `Symbol.dispose`, a Lock has
 * `[Symbol.dispose]()`, which releases the lock: `await x.acquire(); using _ = x;`
 * ({@linkcode ReleasedOnDispose}).
 */
export interface Lock extends ReleasedOnDispose {}

/**
 * A flag that tasks can wait for, asyncio's `asyncio.Event`:
 * {@linkcode Event.set} wakes every waiting task, {@linkcode Event.clear}
 * resets it.
 *
 * @example Usage
 * ```ts
 * import { createTask, Event, EventLoop } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const event = new Event();
 * loop.callLater(5, () => event.set());
 * await loop.runUntilComplete(function* () {
 *   yield* event.wait();
 * });
 * assert.equal(loop.time(), 5);
 * assert.ok(event.isSet());
 * loop.close();
 * ```
 */
export class Event {
  #loop: AbstractEventLoop | undefined = undefined;
  #waiters = new Deque<Future<boolean>>();
  #value = false;

  /**
   * Whether the flag is set.
   *
   * @returns `true` if it is.
   */
  isSet(): boolean {
    return this.#value;
  }

  /**
   * Sets the flag: every task waiting for it wakes up, and later calls to
   * {@linkcode Event.wait} return at once, until {@linkcode Event.clear}.
   */
  set(): void {
    if (this.#value) return;
    this.#value = true;
    for (const fut of this.#waiters) {
      if (!fut.done()) fut.setResult(true);
    }
  }

  /** Resets the flag: later calls to {@linkcode Event.wait} wait again. */
  clear(): void {
    this.#value = false;
  }

  /**
   * Waits until the flag is set; returns at once if it is.
   *
   * @returns A {@linkcode Waitable} that resolves with `true`.
   * @throws {Error} If it must wait on a loop other than the one the event
   * is bound to.
   * @throws {CancelledError} If the task is cancelled while it waits.
   */
  wait(): Waitable<true> {
    return waitable(this.#wait());
  }

  *#wait(): Generator<unknown, true, unknown> {
    if (this.#value) return true;
    const loop = this.#loop = bindLoop(this, this.#loop, "Event.wait");
    const fut = new Future<boolean>(futureOptionsOf(loop));
    this.#waiters.push(fut);
    try {
      yield* fut;
      return true;
    } finally {
      this.#waiters.remove(fut);
    }
  }

  /**
   * Formats the event as asyncio's `repr()` does, without the address.
   *
   * @returns Such as `<Event [unset, waiters:1]>`.
   */
  toString(): string {
    const state = this.#value ? "set" : "unset";
    return `<Event [${describeWaiters(state, this.#waiters.length)}]>`;
  }
}

/**
 * A condition variable, asyncio's `asyncio.Condition`: tasks holding its
 * lock wait until another task notifies them. It has a {@linkcode Lock}
 * of its own, or shares the one it is given.
 *
 * {@linkcode Condition.wait} releases the lock while it waits and holds it
 * again when it returns, also when the task is cancelled. A waiter that
 * fails or is cancelled after it was notified passes the notification on.
 *
 * @example Usage
 * ```ts
 * import { Condition, createTask, EventLoop } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const condition = new Condition();
 * const items: number[] = [];
 * const got = await loop.runUntilComplete(async () => {
 *   const consumer = createTask(() =>
 *     condition.run(() => condition.waitFor(() => items.shift()))
 *   );
 *   await condition.run(async () => {
 *     items.push(42);
 *     condition.notify();
 *   });
 *   return await consumer;
 * });
 * assert.equal(got, 42);
 * loop.close();
 * ```
 */
export class Condition {
  #loop: AbstractEventLoop | undefined = undefined;
  #lock: Lock;
  #waiters = new Deque<Future<boolean>>();

  /**
   * Creates a condition on `lock`, or on a new {@linkcode Lock}.
   *
   * @param lock The lock to share.
   * @throws {TypeError} If `lock` is given and is not a {@linkcode Lock}.
   */
  constructor(lock?: Lock) {
    if (lock !== undefined && !(lock instanceof Lock)) {
      throw argumentError("Condition", "lock", "a Lock", lock);
    }
    this.#lock = lock ?? new Lock();
  }

  /**
   * Whether the condition's lock is held.
   *
   * @returns `true` if it is locked.
   */
  locked(): boolean {
    return this.#lock.locked();
  }

  /**
   * Acquires the condition's lock, as {@linkcode Lock.acquire}.
   *
   * @returns A {@linkcode Waitable} that resolves with `true`.
   */
  acquire(): Waitable<true> {
    return this.#lock.acquire();
  }

  /**
   * Releases the condition's lock, as {@linkcode Lock.release}.
   *
   * @throws {Error} If the lock is not held.
   */
  release(): void {
    this.#lock.release();
  }

  /**
   * Python's `async with condition:`: holds the condition's lock while
   * `body` runs, as {@linkcode Lock.run}.
   *
   * @typeParam R What `body` returns.
   * @param body The code to run while holding the lock.
   * @returns What `body` returned (awaited).
   */
  run<R>(body: () => R): Promise<BlockResult<R>> {
    return holdWhile(this, body, "Condition.run");
  }

  /**
   * Waits until notified. The caller must hold the lock: `wait()` releases
   * it, waits for {@linkcode Condition.notify} or
   * {@linkcode Condition.notifyAll}, then acquires it again, also when the
   * wait is cancelled.
   *
   * It may return without a notification meant for it (a waiter that was
   * notified but failed passes its notification on), so check the state
   * again, or use {@linkcode Condition.waitFor}.
   *
   * @returns A {@linkcode Waitable} that resolves with `true`.
   * @throws {Error} If the lock is not held (`cannot wait on un-acquired
   * lock`).
   * @throws {CancelledError} If the task is cancelled while it waits (it
   * holds the lock again by then).
   */
  wait(): Waitable<true> {
    return waitable(this.#wait());
  }

  *#wait(): Generator<unknown, true, unknown> {
    if (!this.locked()) throw new Error("cannot wait on un-acquired lock");
    const loop = this.#loop = bindLoop(this, this.#loop, "Condition.wait");
    const fut = new Future<boolean>(futureOptionsOf(loop));
    this.release();
    try {
      try {
        this.#waiters.push(fut);
        try {
          yield* fut;
          return true;
        } finally {
          this.#waiters.remove(fut);
        }
      } finally {
        // Must hold the lock again even if the wait was cancelled.
        yield* this.#reacquire();
      }
    } catch (error) {
      // This may have happened after the task was notified: notify another
      // one instead (a spurious wake-up, which a condition allows).
      this.#notify(1);
      throw error;
    }
  }

  /**
   * Acquires the lock, again after a cancellation: only a CancelledError
   * is retried (no other error of the lock's future may make it spin),
   * and the last one is thrown once the lock is held.
   */
  *#reacquire(): Generator<unknown, void, unknown> {
    let cancelled: CancelledError | undefined;
    for (;;) {
      try {
        yield* this.acquire();
        break;
      } catch (error) {
        if (!(error instanceof CancelledError)) throw error;
        cancelled = error;
      }
    }
    if (cancelled !== undefined) throw cancelled;
  }

  /**
   * Waits until `predicate()` is truthy: checks it, and calls
   * {@linkcode Condition.wait} until it is. The caller must hold the lock.
   *
   * @typeParam R What the predicate returns.
   * @param predicate Called with the lock held.
   * @returns A {@linkcode Waitable} that resolves with the predicate's
   * last (truthy) value.
   * @throws {TypeError} If `predicate` is not a function.
   */
  waitFor<R>(predicate: () => R): Waitable<R> {
    checkFunction("Condition.waitFor", "predicate", predicate);
    return waitable(this.#waitFor(predicate));
  }

  *#waitFor<R>(predicate: () => R): Generator<unknown, R, unknown> {
    let result = predicate();
    while (!result) {
      yield* this.wait();
      result = predicate();
    }
    return result;
  }

  /**
   * Wakes up to `n` tasks waiting on the condition (fewer if fewer wait).
   * The caller must hold the lock; the tasks return from
   * {@linkcode Condition.wait} once they get it, after the caller releases
   * it.
   *
   * @param n How many tasks to wake.
   * @throws {Error} If the lock is not held (`cannot notify on un-acquired
   * lock`).
   * @throws {TypeError} If `n` is not a number.
   * @throws {RangeError} If `n` is `NaN`.
   */
  notify(n = 1): void {
    if (typeof n !== "number") {
      throw argumentError("Condition.notify", "n", "a number", n);
    }
    if (Number.isNaN(n)) {
      throw new RangeError(
        "Condition.notify() expected `n` to be a number, got NaN",
      );
    }
    if (!this.locked()) throw new Error("cannot notify on un-acquired lock");
    this.#notify(n);
  }

  /**
   * Wakes up every task waiting on the condition. The caller must hold the
   * lock.
   *
   * @throws {Error} If the lock is not held.
   */
  notifyAll(): void {
    this.notify(this.#waiters.length);
  }

  /**
   * Formats the condition as asyncio's `repr()` does, without the address.
   *
   * @returns Such as `<Condition [locked, waiters:1]>`.
   */
  toString(): string {
    const state = this.locked() ? "locked" : "unlocked";
    return `<Condition [${describeWaiters(state, this.#waiters.length)}]>`;
  }

  #notify(n: number): void {
    let idx = 0;
    for (const fut of this.#waiters) {
      if (idx >= n) break;
      if (!fut.done()) {
        idx++;
        fut.setResult(false);
      }
    }
  }
}

/**
 * Where the host's types know `Symbol.dispose`, a Condition has
 * `[Symbol.dispose]()`, which releases its lock: `await x.acquire(); using _ = x;`
 * ({@linkcode ReleasedOnDispose}).
 */
export interface Condition extends ReleasedOnDispose {}

inspectAsString(Lock.prototype);
releaseOnDispose(Lock.prototype);
releaseOnDispose(Condition.prototype);
inspectAsString(Event.prototype);
inspectAsString(Condition.prototype);
