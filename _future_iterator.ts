/**
 * The iterator behind `yield* future` (future.ts's `[Symbol.iterator]`), with
 * the generator protocol's state it shares with the driver, _generator.ts.
 * Not exported from mod.ts.
 *
 * @module
 */

import { type AbstractEventLoop, debugLoops, SLOT } from "./_runtime.ts";
import { noteSuspension } from "./_suspension.ts";

/**
 * The generator protocol's state while a generator step runs (CPython keeps
 * it on the future, as `_asyncio_future_blocking`): the iterator of
 * `yield* future` (future.ts) sets it, the driver (_generator.ts) reads it.
 */
export const generatorStep = {
  /**
   * The future the step's `yield*` suspended on: a task tells it from a
   * bare `yield future`.
   */
  blocking: undefined as object | undefined,
  /**
   * Set right before a task resumes a generator suspended on a future, with
   * the future's result; the iterator of `yield* future` checks and clears
   * it.
   */
  resuming: false,
};

/** What the iterator reads of its future. */
interface Settled<T> {
  getLoop(): AbstractEventLoop;
  done(): boolean;
  result(): T;
}

/**
 * The iterator behind `yield* future`, CPython's `Future.__await__`: its
 * first `next()` yields the future if it is pending (or returns its
 * result); when a task resumes the generator, it sends the future's result
 * (as CPython's `__wakeup` reads it; an exception is thrown in instead).
 * A small object rather than a generator: a suspended task holds one per
 * `yield*` it is suspended in.
 */
export class FutureIterator<F extends Settled<T>, T>
  implements Iterator<F, T, unknown> {
  #future: F;
  #started = false;

  constructor(future: F) {
    this.#future = future;
  }

  next(value?: unknown): IteratorResult<F, T> {
    const future = this.#future;
    if (!this.#started) {
      this.#started = true;
      if (!future.done()) {
        generatorStep.blocking = future;
        // Debug mode: where the generator suspends, with its frames.
        if (debugLoops.count !== 0) {
          const loop = future.getLoop();
          if (loop[SLOT].debug) noteSuspension(loop, future, true);
        }
        return { value: future, done: false };
      }
      return { value: future.result(), done: true };
    }
    if (generatorStep.resuming) {
      // A task resumes it, with the result it read.
      generatorStep.resuming = false;
      return { value: value as T, done: true };
    }
    // Stepped by hand: as CPython's `__await__` after its `yield`.
    if (!future.done()) throw new Error("yield* wasn't used with future");
    return { value: future.result(), done: true };
  }

  throw(error: unknown): never {
    generatorStep.resuming = false;
    throw error;
  }
}
