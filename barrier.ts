/**
 * {@linkcode Barrier}, a port of the barrier of CPython 3.13's
 * `Lib/asyncio/locks.py`, beside locks.ts: a {@linkcode Condition} and a
 * state, filling, draining, resetting or broken.
 *
 * @module
 */

import { BrokenBarrierError } from "./errors.ts";
import { Condition } from "./locks.ts";
import { inspectAsString } from "./repr.ts";
import { checkCount, type Waitable, waitable } from "./_loop_bound.ts";

/**
 * asyncio's `_BarrierState`: tasks arrive while it fills, leave while it
 * drains, get {@linkcode BrokenBarrierError} while it resets and once it
 * is broken.
 */
type BarrierState = "filling" | "draining" | "resetting" | "broken";

/**
 * A meeting point for a fixed number of tasks, asyncio's
 * `asyncio.Barrier`: each task's {@linkcode Barrier.wait} waits until
 * `parties` tasks wait, then all of them go on together, and the barrier
 * can be used again.
 *
 * While the tasks of one round leave (the barrier drains), newcomers wait
 * for the next round. {@linkcode Barrier.reset} sends the waiting tasks
 * {@linkcode BrokenBarrierError} and starts over; {@linkcode Barrier.abort}
 * breaks the barrier for good.
 *
 * @example Usage
 * ```ts
 * import { Barrier, createTask, EventLoop, gather, sleep } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const barrier = new Barrier(3);
 * const times: number[] = [];
 * async function party(delay: number) {
 *   await sleep(delay);
 *   const index = await barrier.wait();
 *   times.push(loop.time());
 *   return index;
 * }
 * const indexes = await loop.runUntilComplete(() =>
 *   gather([1, 2, 3].map((delay) => createTask(() => party(delay))))
 * );
 * assert.deepEqual(indexes, [0, 1, 2]);
 * assert.deepEqual(times, [3, 3, 3]);
 * loop.close();
 * ```
 */
export class Barrier {
  // Notifies every task when the state changes.
  #cond = new Condition();
  #parties: number;
  #state: BarrierState = "filling";
  // The tasks in the barrier.
  #count = 0;

  /**
   * Creates a barrier for `parties` tasks.
   *
   * @param parties How many tasks must wait before all of them go on.
   * @throws {TypeError} If `parties` is not a number.
   * @throws {RangeError} If `parties` is not an integer >= 1.
   */
  constructor(parties: number) {
    checkCount("Barrier", "parties", parties, 1);
    this.#parties = parties;
  }

  /**
   * Waits at the barrier until `parties` tasks wait, then returns with
   * the others.
   *
   * @returns A {@linkcode Waitable} that resolves with this task's index,
   * unique among the tasks of its round, from `0` to `parties - 1`.
   * @throws {BrokenBarrierError} If the barrier is broken or resets while
   * the task waits, or is broken when it comes.
   * @throws {CancelledError} If the task is cancelled while it waits.
   */
  wait(): Waitable<number> {
    return waitable(this.#wait());
  }

  *#wait(): Generator<unknown, number, unknown> {
    const cond = this.#cond;
    yield* cond.acquire();
    try {
      // Wait while the barrier drains or resets.
      yield* this.#block();
      try {
        const index = this.#count;
        this.#count++;
        if (index + 1 === this.#parties) this.#release();
        else yield* this.#waitReleased();
        return index;
      } finally {
        this.#count--;
        // Wake any tasks waiting for the barrier to drain.
        this.#exit();
      }
    } finally {
      cond.release();
    }
  }

  /**
   * Resets the barrier to its empty state: the tasks waiting at it get
   * {@linkcode BrokenBarrierError}.
   *
   * @returns A {@linkcode Waitable} (asyncio's coroutine): it holds the
   * barrier's lock to reset it.
   */
  reset(): Waitable<void> {
    return waitable(this.#reset());
  }

  *#reset(): Generator<unknown, void, unknown> {
    const cond = this.#cond;
    yield* cond.acquire();
    try {
      if (this.#count > 0) {
        // Reset the barrier, waking up the tasks.
        if (this.#state !== "resetting") this.#state = "resetting";
      } else this.#state = "filling";
      cond.notifyAll();
    } finally {
      cond.release();
    }
  }

  /**
   * Breaks the barrier, as after an error: the tasks waiting at it, and
   * those that come later, get {@linkcode BrokenBarrierError}.
   *
   * @returns A {@linkcode Waitable} (asyncio's coroutine): it holds the
   * barrier's lock to break it.
   */
  abort(): Waitable<void> {
    return waitable(this.#abort());
  }

  *#abort(): Generator<unknown, void, unknown> {
    const cond = this.#cond;
    yield* cond.acquire();
    try {
      this.#state = "broken";
      cond.notifyAll();
    } finally {
      cond.release();
    }
  }

  /** The number of tasks that must wait for the barrier to let them on. */
  get parties(): number {
    return this.#parties;
  }

  /** The number of tasks waiting at the barrier while it fills, else 0. */
  get nWaiting(): number {
    return this.#state === "filling" ? this.#count : 0;
  }

  /** Whether the barrier is broken ({@linkcode Barrier.abort}). */
  get broken(): boolean {
    return this.#state === "broken";
  }

  /**
   * Formats the barrier as asyncio's `repr()` does, without the address.
   *
   * @returns Such as `<Barrier [filling, waiters:1/3]>` or
   * `<Barrier [broken]>`.
   */
  toString(): string {
    let extra: string = this.#state;
    if (!this.broken) extra += `, waiters:${this.nWaiting}/${this.parties}`;
    return `<Barrier [${extra}]>`;
  }

  /** Blocks while the barrier drains or resets; throws if it is broken. */
  *#block(): Generator<unknown, void, unknown> {
    yield* this.#cond.waitFor(() =>
      this.#state !== "draining" && this.#state !== "resetting"
    );
    if (this.#state === "broken") {
      throw new BrokenBarrierError("Barrier aborted");
    }
  }

  /** Lets the waiting tasks go: the barrier drains. */
  #release(): void {
    this.#state = "draining";
    this.#cond.notifyAll();
  }

  /** Waits until released; throws if the barrier is reset or broken. */
  *#waitReleased(): Generator<unknown, void, unknown> {
    yield* this.#cond.waitFor(() => this.#state !== "filling");
    if (this.#state === "broken" || this.#state === "resetting") {
      throw new BrokenBarrierError("Abort or reset of barrier");
    }
  }

  /** The last task out wakes those waiting for the barrier to drain. */
  #exit(): void {
    if (this.#count !== 0) return;
    if (this.#state === "resetting" || this.#state === "draining") {
      this.#state = "filling";
    }
    this.#cond.notifyAll();
  }
}

inspectAsString(Barrier.prototype);
