/**
 * Helpers shared by the coroutine toolkit (gather, wait, timeout...): not
 * exported from mod.ts.
 *
 * @module
 */

import { CancelledError } from "./errors.ts";
import { type AbstractEventLoop, currentLoop } from "./_runtime.ts";
import { awaited, resume } from "./_generator.ts";
import { sleep } from "./sleep.ts";
import { Future } from "./future.ts";
import type { Coroutine, GeneratorCoroutine } from "./task.ts";
import { currentTaskOf } from "./tasks.ts";
import { isGenerator, isThenable } from "./_validate.ts";

/**
 * A future, a promise, an `async` function, or a generator coroutine
 * (asyncio's awaitables).
 */
export type AwaitableLike<T> =
  | Future<T>
  | Coroutine<T>
  | GeneratorCoroutine<T>;

/**
 * What a block (the body of `timeout()` or `TaskGroup.run()`) gives: the
 * return value of a generator function, or the awaited value of anything
 * else.
 */
export type BlockResult<R> = R extends Generator<unknown, infer T, unknown> ? T
  : Awaited<R>;

/** The type an awaitable resolves to. */
export type ResultOf<A> = A extends Future<infer R> ? R
  : A extends () => Generator<unknown, infer R, unknown> ? R
  : A extends Generator<unknown, infer R, unknown> ? R
  : A extends () => infer R ? Awaited<R>
  : Awaited<A>;

/**
 * Whether `value` can be awaited as a task: a thenable, a function or a
 * generator.
 */
export function isAwaitableLike(value: unknown): boolean {
  return value instanceof Future || typeof value === "function" ||
    isThenable(value) || isGenerator(value);
}

/** The running loop, or else the current loop. */
export function eventLoop(): AbstractEventLoop {
  return currentLoop();
}

/** The `CancelledError` a cancelled future throws, with its message. */
export function cancelledError(future: Future<unknown>): CancelledError {
  try {
    future.result();
  } catch (error) {
    if (error instanceof CancelledError) return error;
  }
  return new CancelledError();
}

/** Awaits any awaitable inline, as `await coro` does in Python. */
export function awaitInline<T>(awaitable: AwaitableLike<T>): PromiseLike<T> {
  if (typeof awaitable !== "function") {
    // A generator runs inline too, as `await coro` runs a coroutine.
    return isGenerator(awaitable)
      ? runInline(awaitable as Generator<unknown, T, unknown>)
      : awaitable as PromiseLike<T>;
  }
  try {
    const result = (awaitable as () => T | PromiseLike<T>)();
    if (isGenerator(result)) {
      return runInline(result as Generator<unknown, T, unknown>);
    }
    return isAwaitableLike(result) && typeof result !== "function"
      ? result as PromiseLike<T>
      : Promise.resolve(result);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Runs a generator coroutine inline in the calling `async` code, as `await
 * coro` runs a coroutine in the awaiting task: each future it does `yield*`
 * on is awaited here (so the task's cancellation reaches it there, and is
 * thrown in), and a bare `yield` is `await sleep(0)`.
 */
export async function runInline<T>(
  gen: Generator<unknown, T, unknown>,
): Promise<T> {
  const loop = eventLoop();
  const task = currentTaskOf(loop);
  let thrown = false;
  let value: unknown = undefined;
  let sendsResult = false;
  for (;;) {
    const next = resume(gen, thrown, value, sendsResult);
    if (next.done) return next.value;
    const wanted = awaited(next.value, loop, task);
    thrown = false;
    sendsResult = false;
    try {
      if (wanted instanceof Error) throw wanted;
      if (wanted === undefined) value = await sleep(0);
      else {
        // then() now, not in the microtask after (as `await wanted` would):
        // inside a generator task's step, a task that follows this code's
        // promise, made later in the step, takes this await as its code's.
        value = await wanted.then();
        sendsResult = true;
      }
    } catch (error) {
      thrown = true;
      value = error;
    }
  }
}

/**
 * What Python's `async with` needs of a scope: `__aenter__`, `__aexit__`
 * (whose `true` suppresses the body's error, as a true `__aexit__` result).
 */
export interface Scope {
  enter(): void;
  exit(
    error?: unknown,
    threw?: boolean,
  ): void | boolean | Promise<void | boolean>;
}

/**
 * Python's `async with scope: body(scope)`: enters, runs the body, and exits
 * with what the body threw (the exit may replace it by throwing, or
 * suppress it by returning `true`: the block then gives `undefined`).
 */
export async function asyncWith<S extends Scope, R>(
  scope: S,
  body: (scope: S) => R,
): Promise<BlockResult<R>> {
  scope.enter();
  let result: BlockResult<R>;
  try {
    const returned = body(scope);
    result = isGenerator(returned)
      ? await runInline(returned) as BlockResult<R>
      : await returned as BlockResult<R>;
  } catch (error) {
    let suppressed = scope.exit(error, true);
    if (typeof suppressed === "object") suppressed = await suppressed;
    if (suppressed !== true) throw error;
    return undefined as BlockResult<R>;
  }
  const exiting = scope.exit();
  if (exiting !== undefined) await exiting;
  return result;
}
