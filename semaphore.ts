/**
 * {@linkcode Semaphore} and {@linkcode BoundedSemaphore}, a port of the
 * semaphores of CPython 3.13's `Lib/asyncio/locks.py` (with its fix for
 * waiters cancelled after they were woken, gh-111693), beside locks.ts.
 *
 * @module
 */

import { CancelledError } from "./errors.ts";
import { Future } from "./future.ts";
import { futureOptionsOf } from "./_future_options.ts";
import type { AbstractEventLoop } from "./_runtime.ts";
import { inspectAsString } from "./repr.ts";
import type { BlockResult } from "./_util.ts";
import {
  bindLoop,
  checkCount,
  holdWhile,
  type ReleasedOnDispose,
  releaseOnDispose,
  someoneWaits,
  type Waitable,
  waitable,
  wakeFirst,
} from "./_loop_bound.ts";
import { Deque } from "./_deque.ts";

/** A semaphore's counter, for {@linkcode BoundedSemaphore.release}. */
let valueOf: (semaphore: Semaphore) => number;

/**
 * A counter of free slots, asyncio's `asyncio.Semaphore`:
 * {@linkcode Semaphore.acquire} takes one, waiting while there is none;
 * {@linkcode Semaphore.release} gives one back. The usual way to allow at
 * most N tasks at a time into a piece of code.
 *
 * It is fair: a task that calls `acquire()` while others wait queues
 * behind them, even when a slot is free, and waiters wake in FIFO order.
 * A waiter cancelled after it was handed a slot gives it back to the next.
 *
 * @example At most two at a time
 * ```ts
 * import { EventLoop, gather, Semaphore, sleep } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const semaphore = new Semaphore(2);
 * let inside = 0;
 * let most = 0;
 * async function job() {
 *   await semaphore.run(async () => {
 *     most = Math.max(most, ++inside);
 *     await sleep(1);
 *     inside--;
 *   });
 * }
 * const jobs = Array.from({ length: 5 }, () => loop.createTask(job));
 * await loop.runUntilComplete(gather(jobs));
 * assert.equal(most, 2);
 * assert.equal(loop.time(), 3);
 * loop.close();
 * ```
 */
export class Semaphore {
  #loop: AbstractEventLoop | undefined = undefined;
  // null until the first wait, as asyncio's `_waiters = None`.
  #waiters: Deque<Future<boolean>> | null = null;
  #value: number;

  static {
    valueOf = (semaphore) => semaphore.#value;
  }

  /**
   * Creates a semaphore with `value` free slots.
   *
   * @param value The initial counter.
   * @throws {TypeError} If `value` is not a number.
   * @throws {RangeError} If `value` is not an integer >= 0.
   */
  constructor(value = 1) {
    checkCount(new.target.name || "Semaphore", "value", value, 0);
    this.#value = value;
  }

  /**
   * Whether {@linkcode Semaphore.acquire} would wait: no slot is free, or
   * tasks (not cancelled) wait before it.
   *
   * @returns `true` if the semaphore cannot be acquired at once.
   */
  locked(): boolean {
    return this.#value === 0 || someoneWaits(this.#waiters);
  }

  /**
   * Takes a slot: at once if one is free and nobody waits; otherwise waits
   * for its turn, in FIFO order.
   *
   * @returns A {@linkcode Waitable} that resolves with `true`.
   * @throws {Error} If it must wait on a loop other than the one the
   * semaphore is bound to.
   * @throws {CancelledError} If the task is cancelled while it waits.
   */
  acquire(): Waitable<true> {
    return waitable(this.#acquire());
  }

  *#acquire(): Generator<unknown, true, unknown> {
    if (!this.locked()) {
      // FIFO: others may have to run first, even if the value is > 0.
      this.#value--;
      return true;
    }
    const waiters = this.#waiters ??= new Deque();
    const loop = this.#loop = bindLoop(
      this,
      this.#loop,
      `${this.constructor.name}.acquire`,
    );
    const fut = new Future<boolean>(futureOptionsOf(loop));
    waiters.push(fut);
    try {
      try {
        yield* fut;
      } finally {
        waiters.remove(fut);
      }
    } catch (error) {
      if (error instanceof CancelledError && fut.done() && !fut.cancelled()) {
        // Woken by #wakeUpNext(), which counted the slot as taken, but
        // not acquiring it: undo that, and wake someone else below.
        this.#value++;
      }
      throw error;
    } finally {
      // Newcomers may have queued because of FIFO: wake as many as may go.
      while (this.#value > 0) {
        if (!this.#wakeUpNext()) break;
      }
    }
    return true;
  }

  /**
   * Gives a slot back, and wakes the first task waiting for one.
   */
  release(): void {
    this.#value++;
    this.#wakeUpNext();
  }

  /**
   * Python's `async with semaphore:`: takes a slot, runs `body` (an
   * `async` function, or a generator function run inline), and gives the
   * slot back when it ends, however it ends.
   *
   * @typeParam R What `body` returns.
   * @param body The code to run while holding a slot.
   * @returns What `body` returned (awaited).
   */
  run<R>(body: () => R): Promise<BlockResult<R>> {
    return holdWhile(this, body, `${this.constructor.name}.run`);
  }

  /**
   * Formats the semaphore as asyncio's `repr()` does, without the address.
   *
   * @returns Such as `<Semaphore [unlocked, value:2]>` or
   * `<Semaphore [locked, waiters:1]>`.
   */
  toString(): string {
    let extra = this.locked() ? "locked" : `unlocked, value:${this.#value}`;
    const waiters = this.#waiters?.length ?? 0;
    if (waiters > 0) extra += `, waiters:${waiters}`;
    return `<${this.constructor.name} [${extra}]>`;
  }

  /** Wakes the first waiter that is not done; whether there was one. */
  #wakeUpNext(): boolean {
    if (!wakeFirst(this.#waiters, true)) return false;
    this.#value--;
    return true;
  }
}

/**
 * Where the host's types know `Symbol.dispose`, a Semaphore has
 * `[Symbol.dispose]()`, which gives the slot back: `await x.acquire(); using _ = x;`
 * ({@linkcode ReleasedOnDispose}).
 */
export interface Semaphore extends ReleasedOnDispose {}

/**
 * A {@linkcode Semaphore} that refuses to go above its initial value,
 * asyncio's `asyncio.BoundedSemaphore`: a `release()` without its
 * `acquire()` is a bug it reports.
 *
 * @example Usage
 * ```ts
 * import { BoundedSemaphore } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const semaphore = new BoundedSemaphore(1);
 * assert.throws(() => semaphore.release(), {
 *   message: "BoundedSemaphore released too many times",
 * });
 * ```
 */
export class BoundedSemaphore extends Semaphore {
  #boundValue: number;

  /**
   * Creates a bounded semaphore with `value` free slots, at most.
   *
   * @param value The initial counter, and its bound.
   * @throws {TypeError} If `value` is not a number.
   * @throws {RangeError} If `value` is not an integer >= 0.
   */
  constructor(value = 1) {
    super(value);
    this.#boundValue = value;
  }

  /**
   * Gives a slot back, as {@linkcode Semaphore.release}.
   *
   * @throws {Error} If that would take the counter above its initial value
   * (`BoundedSemaphore released too many times`).
   */
  override release(): void {
    if (valueOf(this) >= this.#boundValue) {
      throw new Error("BoundedSemaphore released too many times");
    }
    super.release();
  }
}

inspectAsString(Semaphore.prototype);
releaseOnDispose(Semaphore.prototype);
