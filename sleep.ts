/**
 * {@linkcode sleep}: a future that completes after a delay, asyncio's
 * `asyncio.sleep()`.
 *
 * @module
 */

import type { AbstractEventLoop, ScheduledCallback } from "./_runtime.ts";
import { runningLoopFor } from "./_running.ts";
import { CANCEL_DEFERRED, Future, SETTLE_NOW } from "./future.ts";
import { futureOptionsOf } from "./_future_options.ts";
import { repr } from "./repr.ts";

/** A sleep's future: cancelling it cancels its timer too. */
class SleepFuture<T> extends Future<T> {
  #handle: ScheduledCallback | undefined;
  #zero: boolean;

  constructor(loop: AbstractEventLoop, delay: number, result: T) {
    super(futureOptionsOf(loop));
    this.#zero = delay <= 0;
    this.#handle = this.#zero
      ? loop.callSoon(wakeNow, this as SleepFuture<unknown>, result)
      : loop.callLater(
        delay,
        setResultUnlessCancelled,
        this as SleepFuture<unknown>,
        result,
      );
  }

  override cancel(msg?: string): boolean {
    // A task parked on sleep(0) gets its CancelledError in the place its
    // next step holds in the ready queue, as asyncio's bare `yield` does.
    if (this.#zero) return this[CANCEL_DEFERRED](msg);
    if (!super.cancel(msg)) return false;
    this.#handle?.cancel();
    this.#handle = undefined;
    return true;
  }
}

function setResultUnlessCancelled<T>(future: Future<T>, result: T): void {
  if (!future.done()) future.setResult(result);
}

// asyncio's `sleep(0)` is a bare `yield`: the task's next step is scheduled
// right away, so its code resumes after exactly one iteration. Running the
// awaiting code's wakeup inside this callback does the same.
function wakeNow<T>(future: Future<T>, result: T): void {
  future[SETTLE_NOW](result);
}

/**
 * Returns a future that completes with `result` after `delay` seconds on the
 * running loop.
 *
 * `sleep(0)` yields for exactly one loop iteration, as in asyncio. Awaited
 * in a task, it is where cancellation reaches the task's code; cancelling
 * the future itself cancels its timer.
 *
 * @typeParam T The type of `result`.
 * @param delay Delay in seconds; zero or less yields one iteration.
 * @param result The value to complete with.
 * @returns The future.
 * @throws {TypeError} If `delay` is not a number.
 * @throws {RangeError} If `delay` is `NaN`.
 * @throws {Error} If no loop is running: call it from code that
 * {@linkcode run} or {@linkcode EventLoop.runUntilComplete} runs.
 *
 * @example Usage
 * ```ts
 * import { EventLoop, sleep } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const result = await loop.runUntilComplete(async () => {
 *   return await sleep(3600, "an hour later");
 * });
 * assert.equal(result, "an hour later");
 * assert.equal(loop.time(), 3600);
 * loop.close();
 * ```
 */
export function sleep(delay: number): Future<void>;
/**
 * Returns a future that completes with `result` after `delay` seconds.
 *
 * @typeParam T The type of `result`.
 * @param delay Delay in seconds; zero or less yields one iteration.
 * @param result The value to complete with.
 * @returns The future.
 */
export function sleep<T>(delay: number, result: T): Future<T>;
export function sleep<T>(delay: number, result?: T): Future<T | undefined> {
  if (typeof delay !== "number") {
    throw new TypeError(
      `sleep() expected \`delay\` to be a number of seconds, got ${
        typeof delay === "string" ? JSON.stringify(delay) : repr(delay)
      }`,
    );
  }
  if (Number.isNaN(delay)) {
    throw new RangeError(
      "sleep() expected `delay` to be a number of seconds, got NaN",
    );
  }
  const loop = runningLoopFor("sleep");
  return new SleepFuture<T | undefined>(loop, delay, result);
}
