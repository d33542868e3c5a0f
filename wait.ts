/**
 * {@linkcode wait} and {@linkcode asCompleted}, ports of `asyncio.wait()`
 * and `asyncio.as_completed()` (Python 3.13's, which also works with
 * `async for`) from CPython's `Lib/asyncio/tasks.py`.
 *
 * @module
 */

import { TimeoutError } from "./errors.ts";
import { Future } from "./future.ts";
import { futureOptionsOf } from "./_future_options.ts";
import { runningLoop, type ScheduledCallback } from "./_runtime.ts";
import { eventLoopFor } from "./_running.ts";
import {
  checkOptions,
  describe,
  foreignFutureError,
  isGenerator,
} from "./_validate.ts";
import type { AwaitableLike, ResultOf } from "./_util.ts";
import { futureOf } from "./ensure_future.ts";

/** Return when any future finishes or is cancelled. */
export const FIRST_COMPLETED = "FIRST_COMPLETED";
/** Return when any future finishes by raising an exception, or all finish. */
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
/** Return when all futures finish or are cancelled. */
export const ALL_COMPLETED = "ALL_COMPLETED";

/** When {@linkcode wait} returns. */
export type ReturnWhen =
  | typeof FIRST_COMPLETED
  | typeof FIRST_EXCEPTION
  | typeof ALL_COMPLETED;

/** Options for {@linkcode wait}. */
export interface WaitOptions {
  /** Return after this many seconds at the latest. */
  timeout?: number | null | undefined;
  /**
   * When to return.
   *
   * @default {"ALL_COMPLETED"}
   */
  returnWhen?: ReturnWhen | undefined;
}

/** Options for {@linkcode asCompleted}. */
export interface AsCompletedOptions {
  /** Seconds after which the remaining awaitables throw `TimeoutError`. */
  timeout?: number | null | undefined;
}

function checkTimeout(method: string, timeout: unknown): void {
  if (timeout === null || timeout === undefined) return;
  if (typeof timeout !== "number" || Number.isNaN(timeout)) {
    const error = typeof timeout === "number" ? RangeError : TypeError;
    throw new error(
      `${method}() expected \`timeout\` to be a number of seconds or null, got ${
        describe(timeout)
      }`,
    );
  }
}

function toFutures<F>(
  method: string,
  futures: Iterable<F>,
  allowCoroutines: boolean,
): Set<F> {
  if (
    futures === null || futures === undefined || futures instanceof Future ||
    isGenerator(futures) ||
    typeof (futures as { [Symbol.iterator]?: unknown })[Symbol.iterator] !==
      "function"
  ) {
    throw new TypeError(
      `${method}() expected \`fs\` to be an iterable of futures, got ${
        describe(futures)
      }`,
    );
  }
  const set = new Set<F>();
  for (const item of futures) {
    if (!(item instanceof Future) && !allowCoroutines) {
      throw new TypeError(
        `${method}() expected \`fs\` to hold futures or tasks (wrap promises with createTask()), got ${
          describe(item)
        }`,
      );
    }
    set.add(item);
  }
  return set;
}

/**
 * Waits for the futures and tasks in `fs` until `returnWhen` says, or until
 * `timeout` seconds have passed. It does not cancel anything and does not
 * throw on timeout.
 *
 * @typeParam F The type of the futures: with futures of several result
 * types, a union (`Task<number> | Task<string>`).
 * @param fs The futures and tasks (not promises: wrap them in tasks, so
 * that the sets returned hold what you can recognise).
 * @param options The timeout and when to return.
 * @returns `[done, pending]`, two sets of the futures given.
 * @throws {TypeError} If `fs` is not an iterable of futures.
 * @throws {RangeError} If `fs` is empty or `returnWhen` is unknown.
 *
 * @example Usage
 * ```ts
 * import { EventLoop, sleep, wait } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const [done, pending] = await loop.runUntilComplete(async () => {
 *   const fast = sleep(1, "fast");
 *   const slow = sleep(5, "slow");
 *   const result = await wait([fast, slow], { returnWhen: "FIRST_COMPLETED" });
 *   slow.cancel();
 *   return result;
 * });
 * assert.deepEqual([...done].map((f) => f.result()), ["fast"]);
 * assert.equal(pending.size, 1);
 * loop.close();
 * ```
 */
export function wait<F extends Future<unknown>>(
  fs: Iterable<F>,
  options?: WaitOptions,
): Promise<[Set<F>, Set<F>]>;
/**
 * `wait()` with the futures' result type given
 * (`wait<number>(futures)`).
 *
 * @typeParam T The futures' result type.
 * @param fs The futures and tasks.
 * @param options The timeout and when to return.
 * @returns `[done, pending]`, two sets of the futures given.
 */
export function wait<T>(
  fs: Iterable<Future<T>>,
  options?: WaitOptions,
): Promise<[Set<Future<T>>, Set<Future<T>>]>;
export async function wait<F extends Future<unknown>>(
  fs: Iterable<F>,
  options: WaitOptions = {},
): Promise<[Set<F>, Set<F>]> {
  const futures = toFutures("wait", fs, false);
  checkOptions("wait", ["timeout", "returnWhen"], options);
  const returnWhen = options?.returnWhen ?? ALL_COMPLETED;
  const timeout = options?.timeout;
  if (
    returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION &&
    returnWhen !== ALL_COMPLETED
  ) {
    throw new RangeError(
      `wait() expected \`returnWhen\` to be "FIRST_COMPLETED", "FIRST_EXCEPTION" or "ALL_COMPLETED", got ${
        describe(returnWhen)
      }`,
    );
  }
  checkTimeout("wait", timeout);
  if (futures.size === 0) {
    throw new RangeError(
      "wait() expected `fs` to hold at least one future or task, got none",
    );
  }
  // The running loop, as asyncio's; before any runs, the futures' loop.
  const running = runningLoop();
  const loop = running ?? futures.values().next().value!.getLoop();
  // A future of another loop would complete on that loop, which does not
  // run while this one waits: the wait would never end.
  for (const future of futures) {
    if (future.getLoop() !== loop) {
      throw foreignFutureError(
        "wait",
        future,
        running === null ? "the first future's" : "the running one",
      );
    }
  }
  const waiter = new Future<void>(futureOptionsOf(loop));
  let timeoutHandle: ScheduledCallback | undefined;
  if (timeout !== null && timeout !== undefined) {
    timeoutHandle = loop.callLater(timeout, releaseWaiter, waiter);
  }
  let counter = futures.size;
  const onCompletion = (future: Future<unknown>): void => {
    counter--;
    if (
      counter <= 0 || returnWhen === FIRST_COMPLETED ||
      (returnWhen === FIRST_EXCEPTION && !future.cancelled() &&
        future.exception() !== undefined)
    ) {
      timeoutHandle?.cancel();
      if (!waiter.done()) waiter.setResult();
    }
  };
  for (const future of futures) future.addDoneCallback(onCompletion);
  try {
    await waiter;
  } finally {
    timeoutHandle?.cancel();
    for (const future of futures) future.removeDoneCallback(onCompletion);
  }
  const done = new Set<F>();
  const pending = new Set<F>();
  for (const future of futures) (future.done() ? done : pending).add(future);
  return [done, pending];
}

function releaseWaiter(waiter: Future<void>): void {
  if (!waiter.done()) waiter.setResult();
}

/**
 * What {@linkcode asCompleted} returns: iterate it with `for await` to get
 * each future or task as it completes (Python 3.13), or with `for` to get
 * awaitables that settle, in completion order, with the results.
 *
 * @typeParam T The result type.
 */
export interface AsCompleted<T>
  extends Iterable<Promise<T>>, AsyncIterable<CompletedFuture<T>> {}

/**
 * A future that {@linkcode asCompleted} hands to `for await`: at run time
 * the very future or task passed in, typed without `then`, since TypeScript
 * types a `for await` variable as the awaited value of a thenable (the
 * result) where JavaScript hands over the item itself. It is done: read
 * its result with `result()`. (TypeScript types `await` with the same
 * rule, so no type can make the variable a future and `await` of it the
 * result.)
 *
 * @typeParam T The result type.
 */
export type CompletedFuture<T> = Omit<Future<T>, "then">;

/**
 * Runs the awaitables concurrently and hands them back in the order they
 * complete.
 *
 * With `for await (const future of asCompleted(fs))`, each item is one of
 * the futures or tasks (promises and functions are wrapped in tasks), done.
 * With `for (const next of asCompleted(fs))`, each item is a promise to
 * await, which settles with the next result (or throws the next
 * exception). After `timeout` seconds, the remaining items throw
 * {@linkcode TimeoutError}.
 *
 * With awaitables of several result types, the items are typed by their
 * union: `asCompleted([taskOfNumber, taskOfString])` hands out
 * `CompletedFuture<number | string>`. TypeScript types a `for await`
 * variable as the awaited value of what the iterator hands out, so a
 * future there would be typed as its result: the items are typed without
 * `then` ({@linkcode CompletedFuture}), and their result is `f.result()`
 * (they are done). `await f` works at run time too, but TypeScript types
 * it as the future, not the result.
 *
 * @typeParam A The awaitables' type (a union when they differ).
 * @param fs The awaitables.
 * @param options The timeout.
 * @returns An iterable and async iterable in completion order.
 * @throws {TypeError} If `fs` is not an iterable of awaitables.
 * @throws {Error} If no loop is running, `fs` holds no future (whose loop
 * would run the others) and there is no current loop.
 *
 * @example Usage
 * ```ts
 * import { asCompleted, EventLoop, sleep } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const order = await loop.runUntilComplete(async () => {
 *   const results: string[] = [];
 *   for await (const done of asCompleted([sleep(2, "b"), sleep(1, "a")])) {
 *     results.push(done.result());
 *   }
 *   return results;
 * });
 * assert.deepEqual(order, ["a", "b"]);
 * loop.close();
 * ```
 */
export function asCompleted<A extends AwaitableLike<unknown>>(
  fs: Iterable<A>,
  options?: AsCompletedOptions,
): AsCompleted<ResultOf<A>>;
/**
 * `asCompleted()` with the result type given (`asCompleted<string>(fs)`).
 *
 * @typeParam T The result type.
 * @param fs The futures, tasks, promises or coroutines.
 * @param options The time limit.
 * @returns An iterator of futures, in the order they complete.
 */
export function asCompleted<T>(
  fs: Iterable<AwaitableLike<T>>,
  options?: AsCompletedOptions,
): AsCompleted<T>;
export function asCompleted<T>(
  fs: Iterable<AwaitableLike<T>>,
  options: AsCompletedOptions = {},
): AsCompleted<T> {
  checkOptions("asCompleted", ["timeout"], options);
  const timeout = options?.timeout;
  checkTimeout("asCompleted", timeout);
  const items = toFutures("asCompleted", fs as Iterable<Future<T>>, true);
  // The running loop; before any runs, the loop of the first future, or
  // the current loop if there is one.
  let loop = runningLoop();
  const whose = loop === null ? "the first future's" : "the running one";
  if (loop === null) {
    for (const item of items) {
      if (item instanceof Future) {
        loop = item.getLoop();
        break;
      }
    }
  }
  loop ??= eventLoopFor("asCompleted");
  const todo = new Set<Future<T>>();
  for (const item of items) {
    const awaitable = item as AwaitableLike<T>;
    todo.add(futureOf(awaitable, loop, "asCompleted", "fs", whose));
  }
  // Completed futures, or `null` for a timeout, and the waiters for them:
  // asyncio's `Queue` in `_AsCompletedIterator`.
  const queue: Array<Future<T> | null> = [];
  const getters: Future<void>[] = [];
  let left = todo.size;
  let timeoutHandle: ScheduledCallback | undefined;
  const put = (item: Future<T> | null): void => {
    queue.push(item);
    const getter = getters.shift();
    if (getter !== undefined && !getter.done()) getter.setResult();
  };
  const onCompletion = (future: Future<T>): void => {
    if (todo.size === 0) return; // The timeout was here first.
    todo.delete(future);
    put(future);
    if (todo.size === 0) timeoutHandle?.cancel();
  };
  const onTimeout = (): void => {
    for (const future of todo) {
      future.removeDoneCallback(onCompletion);
      put(null);
    }
    todo.clear();
  };
  for (const future of todo) future.addDoneCallback(onCompletion);
  if (todo.size > 0 && timeout !== null && timeout !== undefined) {
    timeoutHandle = loop.callLater(timeout, onTimeout);
  }
  // Resolves with a box: a promise resolved with a future would adopt the
  // future's result instead of holding the future.
  const waitForOne = async (): Promise<[Future<T>]> => {
    while (queue.length === 0) {
      const getter = new Future<void>(futureOptionsOf(loop));
      getters.push(getter);
      await getter;
    }
    const future = queue.shift()!;
    if (future === null) throw new TimeoutError();
    return [future];
  };
  return {
    *[Symbol.iterator](): Generator<Promise<T>> {
      while (left > 0) {
        left--;
        yield waitForOne().then(([future]) => future.result());
      }
    },
    // Not an async generator: `yield` there would await the future and
    // hand out its result, where Python 3.13 hands out the future itself.
    [Symbol.asyncIterator](): AsyncIterator<CompletedFuture<T>> {
      return {
        next: async (): Promise<IteratorResult<CompletedFuture<T>>> => {
          if (left === 0) return { done: true, value: undefined };
          left--;
          return { done: false, value: (await waitForOne())[0] };
        },
      };
    },
  };
}
