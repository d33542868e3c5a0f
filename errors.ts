/**
 * The errors that futures, tasks and the loop raise, as CPython keeps them in
 * `Lib/asyncio/exceptions.py`.
 *
 * @module
 */

import { argumentError, describe } from "./_validate.ts";

/**
 * The result of a cancelled future or task.
 *
 * `result()` and `exception()` of a cancelled future throw it, and code that
 * awaits a cancelled future receives it.
 *
 * @example Usage
 * ```ts
 * import { CancelledError, EventLoop } from "asyncio-ts";
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
 * import { EventLoop, InvalidStateError } from "asyncio-ts";
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
 * import { TimeoutError } from "asyncio-ts";
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

/** An error class: {@linkcode ExceptionGroup.subgroup} matches by `instanceof`. */
export type ErrorClass = abstract new (...args: never[]) => unknown;

/**
 * What {@linkcode ExceptionGroup.subgroup} and
 * {@linkcode ExceptionGroup.split} select, as Python's `condition`: an error
 * class (matched with `instanceof`), an array of them (any one), or a
 * predicate, called on every exception of the group, the groups included,
 * whose truthy result selects it.
 */
export type ExceptionCondition =
  | ErrorClass
  | readonly ErrorClass[]
  | ((error: unknown) => unknown);

/**
 * Several exceptions raised together, as Python's `ExceptionGroup`: what a
 * {@linkcode TaskGroup} throws when its tasks fail. The exceptions are in
 * `exceptions` (as Python names it), also `errors` (as `AggregateError`
 * does: the same frozen array), in the order they happened.
 * {@linkcode ExceptionGroup.subgroup} and {@linkcode ExceptionGroup.split}
 * select some of them, as `except*` does.
 *
 * @example Usage
 * ```ts
 * import { ExceptionGroup } from "asyncio-ts";
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
    // Read-only, as Python's tuple: `exceptions` is the same array.
    Object.defineProperty(this, "errors", {
      value: Object.freeze(this.errors),
      writable: false,
    });
  }

  /**
   * The exceptions of the group, as Python's `exceptions`: the same
   * (frozen) array as `errors`.
   *
   * @returns The exceptions, in order.
   */
  get exceptions(): readonly unknown[] {
    return this.errors;
  }

  /**
   * A group with the same message and other exceptions, as Python's
   * `derive()`: {@linkcode ExceptionGroup.subgroup} and
   * {@linkcode ExceptionGroup.split} make their groups with it (and copy
   * `cause` and `stack` over). A subclass overrides it to get groups of its
   * own class from them.
   *
   * @param errors The exceptions of the new group.
   * @returns A new `ExceptionGroup`.
   * @throws {TypeError} If `errors` is not an iterable.
   * @throws {RangeError} If `errors` is empty.
   */
  derive(errors: Iterable<unknown>): ExceptionGroup {
    return new ExceptionGroup(this.message, errors);
  }

  /**
   * The exceptions that match `condition`, in a group of the same shape
   * (Python's `subgroup()`): a nested group that matches is kept whole,
   * one that does not is searched, and groups left empty are dropped.
   *
   * @param condition An error class, an array of them, or a predicate,
   * which sees this group first, then each exception and nested group.
   * @returns This group if it matches as a whole, else a group made by
   * {@linkcode ExceptionGroup.derive} with this group's `cause` and
   * `stack`; `undefined` if nothing matches (Python's `None`).
   * @throws {TypeError} If `condition` is none of those.
   *
   * @example Usage
   * ```ts
   * import { ExceptionGroup } from "asyncio-ts";
   * import assert from "node:assert/strict";
   *
   * const group = new ExceptionGroup("top", [
   *   new TypeError("a"),
   *   new ExceptionGroup("inner", [new TypeError("b"), new Error("c")]),
   * ]);
   * const types = group.subgroup(TypeError)!;
   * assert.equal(String(types), "ExceptionGroup: top (2 sub-exceptions)");
   * assert.equal(String(types.exceptions[1]), "ExceptionGroup: inner (1 sub-exception)");
   * assert.equal(group.subgroup(RangeError), undefined);
   * ```
   */
  subgroup(condition: ExceptionCondition): ExceptionGroup | undefined {
    const matches = matcherOf("subgroup", condition);
    return partOf(splitExceptions(this, matches, false)[0]);
  }

  /**
   * Splits the group in the exceptions that match `condition` and the
   * rest, each in a group of the same shape, as Python's `split()` (and
   * `except*`).
   *
   * @param condition As for {@linkcode ExceptionGroup.subgroup}.
   * @returns `[match, rest]`: as {@linkcode ExceptionGroup.subgroup}
   * returns, for the exceptions that match and for the others; either is
   * `undefined` if empty.
   * @throws {TypeError} If `condition` is not an error class, an array of
   * them, or a function.
   *
   * @example Usage
   * ```ts
   * import { ExceptionGroup } from "asyncio-ts";
   * import assert from "node:assert/strict";
   *
   * const group = new ExceptionGroup("top", [new TypeError("a"), new Error("b")]);
   * const [match, rest] = group.split((error) => error instanceof TypeError);
   * assert.deepEqual(match?.exceptions.map(String), ["TypeError: a"]);
   * assert.deepEqual(rest?.exceptions.map(String), ["Error: b"]);
   * ```
   */
  split(
    condition: ExceptionCondition,
  ): [ExceptionGroup | undefined, ExceptionGroup | undefined] {
    const matches = matcherOf("split", condition);
    const [match, rest] = splitExceptions(this, matches, true);
    return [partOf(match), partOf(rest)];
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

/** No exception: an empty part of a split (a leaf may be `undefined`). */
const NONE: unique symbol = Symbol("none");

function partOf(part: unknown): ExceptionGroup | undefined {
  return part === NONE ? undefined : part as ExceptionGroup;
}

function isErrorClass(value: unknown): value is ErrorClass {
  return typeof value === "function" &&
    (value === Error || value.prototype instanceof Error);
}

/** Python's condition of `subgroup()`/`split()`, as a test. */
function matcherOf(
  method: string,
  condition: unknown,
): (error: unknown) => boolean {
  if (isErrorClass(condition)) return (error) => error instanceof condition;
  if (Array.isArray(condition) && condition.every(isErrorClass)) {
    return (error) => condition.some((type) => error instanceof type);
  }
  if (
    typeof condition === "function" &&
    !Function.prototype.toString.call(condition).startsWith("class")
  ) {
    return (error) => Boolean(condition(error));
  }
  throw argumentError(
    `ExceptionGroup.${method}`,
    "condition",
    "an error class, an array of error classes, or a predicate",
    condition,
  );
}

/**
 * CPython's `exceptiongroup_split_recursive`: `[match, rest]` of `error`,
 * either {@linkcode NONE}; `rest` is made only if `withRest`.
 */
function splitExceptions(
  error: unknown,
  matches: (error: unknown) => boolean,
  withRest: boolean,
): [unknown, unknown] {
  if (matches(error)) return [error, NONE];
  if (!(error instanceof ExceptionGroup)) {
    return [NONE, withRest ? error : NONE];
  }
  const matched: unknown[] = [];
  const rest: unknown[] = [];
  for (const inner of error.errors) {
    const [match, other] = splitExceptions(inner, matches, withRest);
    if (match !== NONE) matched.push(match);
    if (other !== NONE) rest.push(other);
  }
  return [derived(error, matched), withRest ? derived(error, rest) : NONE];
}

/** A group of `errors` by `group.derive()`, with its cause and stack. */
function derived(
  group: ExceptionGroup,
  errors: unknown[],
): ExceptionGroup | typeof NONE {
  if (errors.length === 0) return NONE;
  const result = group.derive(errors);
  if (!(result instanceof ExceptionGroup)) {
    throw new TypeError(
      `ExceptionGroup.derive() must return an ExceptionGroup, got ${
        describe(result)
      }`,
    );
  }
  if (Object.hasOwn(group, "cause")) {
    Object.defineProperty(result, "cause", {
      value: group.cause,
      writable: true,
      configurable: true,
    });
  }
  if (group.stack !== undefined) result.stack = group.stack;
  return result;
}

/**
 * A key or variable has no value, as Python's `LookupError`:
 * {@linkcode ContextVar.get} throws it for a variable that has no value in
 * the current context and no default. Its message is the variable's
 * `toString()`, as Python's is its `repr()`.
 *
 * @example Usage
 * ```ts
 * import { ContextVar, LookupError } from "asyncio-ts";
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
 * import { KeyboardInterrupt } from "asyncio-ts";
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
 * import { Queue, QueueEmpty } from "asyncio-ts";
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
 * import { Queue, QueueFull } from "asyncio-ts";
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
 * import { Queue, QueueShutDown } from "asyncio-ts";
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
 * import { BrokenBarrierError } from "asyncio-ts";
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
