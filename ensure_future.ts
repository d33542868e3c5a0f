/**
 * {@linkcode ensureFuture}: asyncio's `ensure_future()`, which turns any
 * awaitable into a future of a loop.
 *
 * @module
 */

import { Future } from "./future.ts";
import type { EventLoop } from "./loop.ts";
import type { AbstractEventLoop } from "./_runtime.ts";
import type { Coroutine, GeneratorCoroutine } from "./task.ts";
import { type AwaitableLike, isAwaitableLike } from "./_util.ts";
import { eventLoopFor } from "./_running.ts";
import {
  checkLoop,
  checkOptions,
  describe,
  foreignFutureError,
} from "./_validate.ts";

/** Options for {@linkcode ensureFuture}. */
export interface EnsureFutureOptions {
  /**
   * The loop of the new task. Defaults to the running loop, else the
   * current one if there is one (set by {@linkcode setEventLoop}, or made
   * by {@linkcode getEventLoop}): no loop is made here.
   */
  loop?: AbstractEventLoop | undefined;
}

/**
 * Returns `awaitable` as a future, as `asyncio.ensure_future()`: a future
 * or task stays itself; a promise, an `async` function or a generator
 * coroutine becomes a task, made by {@linkcode EventLoop.createTask} (so by
 * the loop's task factory, if one is set).
 *
 * In a generator task this is how a promise is awaited: `yield*
 * ensureFuture(promise)` suspends the generator until the promise settles.
 *
 * @typeParam T The type of the result.
 * @param awaitable A future, a promise, an `async` function or a generator
 * coroutine.
 * @param options The loop of a new task.
 * @returns The future.
 * @throws {TypeError} If `awaitable` cannot be awaited, or `options.loop`
 * is not an event loop.
 * @throws {Error} If `awaitable` is a future of another loop than
 * `options.loop`, or a new task has no loop: none given, none running and
 * no current loop.
 *
 * @example Awaiting a promise in a generator task
 * ```ts
 * import { ensureFuture, EventLoop } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop();
 * const result = await loop.runUntilComplete(function* () {
 *   const text = yield* ensureFuture(Promise.resolve("from a promise"));
 *   return text.toUpperCase();
 * });
 * assert.equal(result, "FROM A PROMISE");
 * loop.close();
 * ```
 */
export function ensureFuture<T>(
  awaitable: Future<T> | GeneratorCoroutine<T>,
  options?: EnsureFutureOptions,
): Future<T>;
/**
 * Returns `awaitable` as a future, as `asyncio.ensure_future()`.
 *
 * @typeParam T The type of the result.
 * @param awaitable A future, a promise or an `async` function.
 * @param options The loop of a new task.
 * @returns The future.
 */
export function ensureFuture<T>(
  awaitable: Future<T> | Coroutine<T>,
  options?: EnsureFutureOptions,
): Future<T>;
/**
 * Returns `awaitable` as a future, as `asyncio.ensure_future()`.
 *
 * @typeParam T The type of the result.
 * @param awaitable Any awaitable this library takes.
 * @param options The loop of a new task.
 * @returns The future.
 */
export function ensureFuture<T>(
  awaitable: AwaitableLike<T>,
  options?: EnsureFutureOptions,
): Future<T>;
export function ensureFuture<T>(
  awaitable: AwaitableLike<T>,
  options: EnsureFutureOptions = {},
): Future<T> {
  checkOptions("ensureFuture", ["loop"], options);
  const loop = options?.loop;
  if (loop !== undefined) checkLoop("ensureFuture", "options.loop", loop);
  return futureOf(
    awaitable,
    loop,
    "ensureFuture",
    "awaitable",
    "`options.loop`",
  );
}

/**
 * Whether `value` is a future: a {@linkcode Future}, or a
 * {@linkcode Task} or another subclass, as `asyncio.isfuture()`.
 *
 * asyncio also takes objects that declare themselves futures (by an
 * `_asyncio_future_blocking` attribute); this library tells its futures
 * by their class alone, everywhere: a thenable or a promise is not a
 * future here, and {@linkcode ensureFuture} wraps it in a task.
 *
 * @param value Any value.
 * @returns `true` for an instance of `Future` or of a subclass.
 *
 * @example Usage
 * ```ts
 * import { EventLoop, isFuture } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop();
 * const task = loop.createTask(async () => 1);
 * assert.equal(isFuture(loop.createFuture()), true);
 * assert.equal(isFuture(task), true);
 * assert.equal(isFuture(Promise.resolve(1)), false);
 * await loop.runUntilComplete(task);
 * loop.close();
 * ```
 */
export function isFuture(value: unknown): value is Future<unknown> {
  return value instanceof Future;
}

/**
 * asyncio's `ensure_future()` as the library's helpers use it, with
 * checked arguments: a future stays itself; a promise, a function or a
 * generator becomes a task of `loop` (by default the running loop, else the
 * current loop if there is one, else it throws). `method` and `name` are
 * named in the errors.
 */
export function futureOf<T>(
  awaitable: AwaitableLike<T>,
  loop: AbstractEventLoop | undefined,
  method: string,
  name = "awaitable",
  whose = "the running one",
): Future<T> {
  if (isFuture(awaitable)) {
    if (loop !== undefined && awaitable.getLoop() !== loop) {
      throw foreignFutureError(method, awaitable, whose);
    }
    return awaitable;
  }
  if (!isAwaitableLike(awaitable)) {
    throw new TypeError(
      `${method}() expected \`${name}\` to be a future, a promise or an async function, got ${
        describe(awaitable)
      }`,
    );
  }
  // As asyncio's ensure_future(), through loop.create_task(): its task
  // factory (eagerTaskFactory) makes the task. Every loop the runtime holds
  // is an EventLoop (events.ts).
  const target = (loop ?? eventLoopFor(method)) as EventLoop;
  return target.createTask(awaitable as Coroutine<T>);
}
