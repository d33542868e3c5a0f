/**
 * The errors that futures, tasks and the loop raise, as CPython keeps them in
 * `Lib/asyncio/exceptions.py`.
 *
 * @module
 */

import { argumentError } from "./_validate.ts";

/**
 * The result of a cancelled future or task.
 *
 * `result()` and `exception()` of a cancelled future throw it, and code that
 * awaits a cancelled future receives it.
 *
 * @example Usage
 * ```ts
 * import { CancelledError, EventLoop } from "@asyncio-ts/asyncio";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop();
 * const future = loop.createFuture<number>();
 * future.cancel("no longer needed");
 * assert.throws(() => future.result(), CancelledError);
 * loop.close();
 * ```
 */
export class CancelledError extends Error {
  /**
   * Creates a `CancelledError`.
   *
   * @param message The cancellation message, if one was given to `cancel()`.
   * @param options The standard `Error` options, such as `cause`.
   */
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "CancelledError";
  }
}

/**
 * The operation is not allowed in this state, such as reading the result of
 * a pending future or setting the result of a done one.
 *
 * @example Usage
 * ```ts
 * import { EventLoop, InvalidStateError } from "@asyncio-ts/asyncio";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop();
 * const future = loop.createFuture<number>();
 * assert.throws(() => future.result(), InvalidStateError);
 * loop.close();
 * ```
 */
export class InvalidStateError extends Error {
  /**
   * Creates an `InvalidStateError`.
   *
   * @param message What was not allowed.
   * @param options The standard `Error` options, such as `cause`.
   */
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "InvalidStateError";
  }
}

/**
 * The operation has exceeded the given deadline (`waitFor`, `timeout`).
 *
 * @example Usage
 * ```ts
 * import { TimeoutError } from "@asyncio-ts/asyncio";
 * import assert from "node:assert/strict";
 *
 * const error = new TimeoutError();
 * assert.equal(error.name, "TimeoutError");
 * ```
 */
export class TimeoutError extends Error {
  /**
   * Creates a `TimeoutError`.
   *
   * @param message What timed out.
   * @param options The standard `Error` options, such as `cause`.
   */
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "TimeoutError";
  }
}

/**
 * Several exceptions raised together, as Python's `ExceptionGroup`: what a
 * {@linkcode TaskGroup} throws when its tasks fail. The exceptions are in
 * `errors`, in the order they happened.
 *
 * @example Usage
 * ```ts
 * import { ExceptionGroup } from "@asyncio-ts/asyncio";
 * import assert from "node:assert/strict";
 *
 * const group = new ExceptionGroup("two failures", [
 *   new Error("a"),
 *   new TypeError("b"),
 * ]);
 * assert.equal(group.errors.length, 2);
 * assert.equal(String(group), "ExceptionGroup: two failures (2 sub-exceptions)");
 * ```
 */
export class ExceptionGroup extends AggregateError {
  /**
   * Creates an `ExceptionGroup`.
   *
   * @param message What the exceptions have in common.
   * @param errors The exceptions.
   * @param options The standard `Error` options, such as `cause`.
   * @throws {TypeError} If `message` is not a string or `errors` not an
   * iterable.
   * @throws {RangeError} If `errors` is empty.
   */
  constructor(
    message: string,
    errors: Iterable<unknown>,
    options?: ErrorOptions,
  ) {
    // Python's checks: a str message and a non-empty sequence of exceptions
    // (any value here, since JavaScript can throw anything).
    if (typeof message !== "string") {
      throw argumentError("ExceptionGroup", "message", "a string", message);
    }
    const list = typeof errors === "object" && errors !== null &&
        typeof (errors as { [Symbol.iterator]?: unknown })[Symbol.iterator] ===
          "function"
      ? [...errors]
      : undefined;
    if (list === undefined || list.length === 0) {
      const what = "a non-empty array of exceptions";
      if (list !== undefined) {
        throw new RangeError(
          `ExceptionGroup() expected \`errors\` to be ${what}, got []`,
        );
      }
      throw argumentError("ExceptionGroup", "errors", what, errors);
    }
    super(list, message, options);
    this.name = "ExceptionGroup";
  }

  /**
   * Formats the group as Python's `str()` does.
   *
   * @returns Such as `ExceptionGroup: unhandled errors in a TaskGroup (1
   * sub-exception)`.
   */
  override toString(): string {
    const n = this.errors.length;
    return `${this.name}: ${this.message} (${n} sub-exception${
      n === 1 ? "" : "s"
    })`;
  }
}

/**
 * A key or variable has no value, as Python's `LookupError`:
 * {@linkcode ContextVar.get} throws it for a variable that has no value in
 * the current context and no default. Its message is the variable's
 * `toString()`, as Python's is its `repr()`.
 *
 * @example Usage
 * ```ts
 * import { ContextVar, LookupError } from "@asyncio-ts/asyncio";
 * import assert from "node:assert/strict";
 *
 * const user = new ContextVar<string>("user");
 * assert.throws(() => user.get(), {
 *   name: "LookupError",
 *   message: "<ContextVar name='user'>",
 * });
 * assert.ok(new LookupError() instanceof Error);
 * ```
 */
export class LookupError extends Error {
  /**
   * Creates a `LookupError`.
   *
   * @param message What has no value.
   * @param options The standard `Error` options, such as `cause`.
   */
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "LookupError";
  }
}

/**
 * {@linkcode run} was interrupted by Ctrl-C, as Python's `KeyboardInterrupt`
 * out of `asyncio.run()`: the first SIGINT cancelled the main task, its
 * cleanup ran, and the main task ended cancelled. Catch it to exit with the
 * shell's code for Ctrl-C, 130.
 *
 * @example Usage
 * ```ts
 * import { KeyboardInterrupt } from "@asyncio-ts/asyncio";
 * import assert from "node:assert/strict";
 *
 * const error = new KeyboardInterrupt("interrupted");
 * assert.equal(error.name, "KeyboardInterrupt");
 * assert.ok(error instanceof Error);
 * ```
 */
export class KeyboardInterrupt extends Error {
  /**
   * Creates a `KeyboardInterrupt`.
   *
   * @param message What was interrupted.
   * @param options The standard `Error` options, such as `cause` (the main
   * task's `CancelledError` when {@linkcode run} throws it).
   */
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "KeyboardInterrupt";
  }
}

/**
 * {@linkcode Queue.getNowait} was called on an empty queue, as asyncio's
 * `QueueEmpty`.
 *
 * @example Usage
 * ```ts
 * import { Queue, QueueEmpty } from "@asyncio-ts/asyncio";
 * import assert from "node:assert/strict";
 *
 * assert.throws(() => new Queue().getNowait(), QueueEmpty);
 * ```
 */
export class QueueEmpty extends Error {
  /**
   * Creates a `QueueEmpty`.
   *
   * @param message Empty when a queue throws it, as in asyncio.
   * @param options The standard `Error` options, such as `cause`.
   */
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "QueueEmpty";
  }
}

/**
 * {@linkcode Queue.putNowait} was called on a full queue, as asyncio's
 * `QueueFull`.
 *
 * @example Usage
 * ```ts
 * import { Queue, QueueFull } from "@asyncio-ts/asyncio";
 * import assert from "node:assert/strict";
 *
 * const queue = new Queue<number>({ maxsize: 1 });
 * queue.putNowait(1);
 * assert.throws(() => queue.putNowait(2), QueueFull);
 * ```
 */
export class QueueFull extends Error {
  /**
   * Creates a `QueueFull`.
   *
   * @param message Empty when a queue throws it, as in asyncio.
   * @param options The standard `Error` options, such as `cause`.
   */
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "QueueFull";
  }
}

/**
 * A put on a queue that was shut down, or a get on one that was shut down
 * and is empty, as asyncio's `QueueShutDown` (Python 3.13).
 *
 * @example Usage
 * ```ts
 * import { Queue, QueueShutDown } from "@asyncio-ts/asyncio";
 * import assert from "node:assert/strict";
 *
 * const queue = new Queue<number>();
 * queue.shutdown();
 * assert.throws(() => queue.putNowait(1), QueueShutDown);
 * ```
 */
export class QueueShutDown extends Error {
  /**
   * Creates a `QueueShutDown`.
   *
   * @param message Empty when a queue throws it, as in asyncio.
   * @param options The standard `Error` options, such as `cause`.
   */
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "QueueShutDown";
  }
}

/**
 * A {@linkcode Barrier} was aborted or reset while a task waited on it, or
 * a task waits on a broken one, as asyncio's `BrokenBarrierError`.
 *
 * @example Usage
 * ```ts
 * import { BrokenBarrierError } from "@asyncio-ts/asyncio";
 * import assert from "node:assert/strict";
 *
 * const error = new BrokenBarrierError("Barrier aborted");
 * assert.equal(error.name, "BrokenBarrierError");
 * assert.ok(error instanceof Error);
 * ```
 */
export class BrokenBarrierError extends Error {
  /**
   * Creates a `BrokenBarrierError`.
   *
   * @param message What broke the barrier.
   * @param options The standard `Error` options, such as `cause`.
   */
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "BrokenBarrierError";
  }
}
