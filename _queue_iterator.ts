/**
 * The iterator of `for await (const item of queue)` (queues.ts), which
 * takes items until the queue is shut down and empty. Not exported from
 * mod.ts.
 *
 * @module
 */

import { QueueShutDown } from "./errors.ts";

/** What the iterator uses of a queue. */
export interface IteratedQueue<T> {
  get(): PromiseLike<T>;
  taskDone(): void;
}

/**
 * `for await` over a queue: each `next()` first marks the previous item
 * done, then gets the next one; a shut-down queue ends the loop. Not an
 * async generator, whose `yield` would await items that are thenables.
 */
export class QueueIterator<T> implements AsyncIterableIterator<T> {
  #queue: IteratedQueue<T>;
  /** Whether an item was handed out and not marked done yet. */
  #holding = false;
  #ended = false;

  constructor(queue: IteratedQueue<T>) {
    this.#queue = queue;
  }

  async next(): Promise<IteratorResult<T, undefined>> {
    this.#release();
    if (this.#ended) return { value: undefined, done: true };
    let value: T;
    try {
      value = await this.#queue.get();
    } catch (error) {
      if (!(error instanceof QueueShutDown)) throw error;
      this.#ended = true;
      return { value: undefined, done: true };
    }
    this.#holding = true;
    return { value, done: false };
  }

  return(): Promise<IteratorResult<T, undefined>> {
    this.#ended = true;
    try {
      this.#release();
    } catch (error) {
      return Promise.reject(error);
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  #release(): void {
    if (!this.#holding) return;
    this.#holding = false;
    this.#queue.taskDone();
  }
}
