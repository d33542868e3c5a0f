/**
 * {@linkcode gather} and {@linkcode shield}, ports of `asyncio.gather()` and
 * `asyncio.shield()` from CPython's `Lib/asyncio/tasks.py`.
 *
 * @module
 */

import { Future, LAST_CALLBACK } from "./future.ts";
import { futureOptionsOf } from "./_future_options.ts";
import { type AbstractEventLoop, slotOf } from "./_runtime.ts";
import { markWaitingCallback } from "./_awaited_by.ts";
import {
  checkLoop,
  checkOptions,
  describe,
  isGenerator,
  isLoop,
} from "./_validate.ts";
import {
  type AwaitableLike,
  cancelledError,
  isAwaitableLike,
  type ResultOf,
} from "./_util.ts";
import { futureOf } from "./ensure_future.ts";
import { eventLoopFor } from "./_running.ts";
import type { Coroutine, GeneratorCoroutine } from "./task.ts";

// The loop gather() runs its children on, in its errors.
const FIRST = "the first future's";

/** Options for {@linkcode gather}. */
export interface GatherOptions {
  /**
   * Return exceptions (and `CancelledError`s) in the results instead of
   * failing with the first one.
   *
   * @default {false}
   */
  returnExceptions?: boolean | undefined;
}

/** The results of {@linkcode gather}: a tuple in gives a tuple out. */
export type GatherResults<A extends readonly unknown[]> = {
  -readonly [K in keyof A]: ResultOf<A[K]>;
};

/**
 * The results of {@linkcode gather} with `returnExceptions: true`: each is a
 * result or what the awaitable threw (typed `Error`; anything thrown is
 * returned as is).
 */
export type GatherSettled<A extends readonly unknown[]> = {
  -readonly [K in keyof A]: ResultOf<A[K]> | Error;
};

/**
 * The future that {@linkcode gather} returns: cancelling it cancels the
 * children that are not done.
 *
 * @typeParam T The results.
 */
export class GatheringFuture<T> extends Future<T> {
  #children: Future<unknown>[];
  #cancelRequested = false;

  /**
   * Creates the outer future of a gather. Use {@linkcode gather}.
   *
   * @param children The futures gathered.
   * @param loop The loop.
   * @throws {TypeError} If `children` is not an array of futures or `loop`
   * is not an event loop.
   */
  constructor(children: Future<unknown>[], loop: AbstractEventLoop) {
    if (
      !Array.isArray(children) ||
      !children.every((child) => child instanceof Future)
    ) {
      throw new TypeError(
        `GatheringFuture() expected \`children\` to be an array of futures, got ${
          describe(children)
        }`,
      );
    }
    if (!isLoop(loop)) checkLoop("GatheringFuture", "loop", loop);
    super(futureOptionsOf(loop));
    this.#children = children;
  }

  /**
   * Cancels every child that is not done; the gather then fails with
   * `CancelledError` once they are all done.
   *
   * @param msg The cancellation message.
   * @returns Whether any child was cancelled.
   */
  override cancel(msg?: string): boolean {
    if (this.done()) return false;
    let cancelled = false;
    for (const child of this.#children) {
      if (child.cancel(msg)) cancelled = true;
    }
    if (cancelled) this.#cancelRequested = true;
    return cancelled;
  }

  /** Whether {@linkcode GatheringFuture.cancel} cancelled a child. */
  get cancelRequested(): boolean {
    return this.#cancelRequested;
  }
}

/**
 * Runs awaitables concurrently and returns a future of their results, in
 * input order.
 *
 * Promises and `async` functions are wrapped in tasks, of the loop of the
 * first future given, else of the running loop (before any runs, of the
 * current loop if there is one: see {@linkcode setEventLoop}). Without
 * `returnExceptions`, the first exception (or cancellation) of a child
 * becomes the gather's; the other children keep running. With it,
 * exceptions are results. Cancelling the gather cancels its children.
 *
 * @typeParam A The awaitables' types.
 * @param awaitables Futures, tasks, promises or `async` functions.
 * @param options Whether to return exceptions as results.
 * @returns A future of the results; a tuple in gives a typed tuple out.
 * @throws {TypeError} If `awaitables` is not iterable or holds something
 * that cannot be awaited.
 * @throws {Error} If `awaitables` holds no future (whose loop the gather
 * takes), no loop is running and there is no current loop.
 *
 * @example Usage
 * ```ts
 * import { EventLoop, gather, sleep } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const [a, b] = await loop.runUntilComplete(() =>
 *   gather([sleep(2, "two"), sleep(1, 1)])
 * );
 * assert.equal(a, "two");
 * assert.equal(b, 1);
 * assert.equal(loop.time(), 2);
 * loop.close();
 * ```
 */
export function gather<const A extends readonly AwaitableLike<unknown>[]>(
  awaitables: A,
  options?: GatherOptions & { returnExceptions?: false | undefined },
): GatheringFuture<GatherResults<A>>;
/**
 * Runs awaitables concurrently; exceptions are returned as results.
 *
 * @typeParam A The awaitables' types.
 * @param awaitables Futures, tasks, promises or `async` functions.
 * @param options `{ returnExceptions: true }`.
 * @returns A future of the results and exceptions, in input order.
 */
export function gather<const A extends readonly AwaitableLike<unknown>[]>(
  awaitables: A,
  options: GatherOptions & { returnExceptions: true },
): GatheringFuture<GatherSettled<A>>;
export function gather(
  awaitables: Iterable<AwaitableLike<unknown>>,
  options: GatherOptions = {},
): GatheringFuture<unknown[]> {
  if (
    awaitables === null || awaitables === undefined ||
    typeof (awaitables as { [Symbol.iterator]?: unknown })[
        Symbol.iterator
      ] !== "function" ||
    awaitables instanceof Future || isGenerator(awaitables)
  ) {
    throw new TypeError(
      `gather() expected \`awaitables\` to be an array of awaitables, got ${
        describe(awaitables)
      }`,
    );
  }
  checkOptions("gather", ["returnExceptions"], options);
  const returnExceptions = Boolean(options?.returnExceptions);
  const items = [...awaitables];
  let loop: AbstractEventLoop | undefined;
  for (const item of items) {
    if (item instanceof Future) {
      loop = item.getLoop();
      break;
    }
  }
  // Every item is checked before any task is made, so that a bad one
  // leaves nothing running.
  for (const item of items) {
    if (
      item instanceof Future ? item.getLoop() !== loop : !isAwaitableLike(item)
    ) {
      futureOf(item, loop, "gather", "awaitables", FIRST); // throws the error
    }
  }
  // The loop of the first future, as asyncio's gather() takes it; else
  // the running loop, or the current one if there is one.
  loop ??= eventLoopFor("gather");
  if (items.length === 0) {
    const outer = new GatheringFuture<unknown[]>([], loop);
    outer.setResult([]);
    return outer;
  }
  const children: Future<unknown>[] = [];
  const outer = new GatheringFuture<unknown[]>(children, loop);
  // Distinct children, each with one done callback, added as asyncio adds
  // it: right after the child is made (a done child's callback is
  // scheduled at once, between the first steps of the tasks made around
  // it).
  let count = 0;
  let finished = 0;
  const onChildDone = (child: Future<unknown>): void => {
    finished++;
    if (outer.done()) {
      // Mark the exception retrieved.
      if (!child.cancelled()) child.exception();
      return;
    }
    if (!returnExceptions) {
      if (child.cancelled()) {
        outer.setException(cancelledError(child));
        return;
      }
      const error = child.exception();
      if (error !== undefined) {
        outer.setException(error);
        return;
      }
    }
    if (finished === count) {
      const results = children.map((future) => {
        if (future.cancelled()) return cancelledError(future);
        const error = future.exception();
        return error !== undefined ? error : future.result();
      });
      if (outer.cancelRequested) {
        // A cancelled gather fails with CancelledError, whatever
        // returnExceptions says.
        outer.setException(cancelledError(child));
      } else outer.setResult(results);
    }
  };
  // The children are awaited by the task that gathers them (as asyncio
  // 3.14 records it), for the call graph.
  const caller = slotOf(loop).current();
  if (caller !== undefined) markWaitingCallback(onChildDone, caller);
  // Duplicates: a pending future that has the callback already ends with
  // it (nothing else adds callbacks meanwhile); done ones and the tasks
  // made for other awaitables are remembered. No map for the common case
  // of distinct futures.
  let made: Map<unknown, Future<unknown>> | undefined;
  let doneSeen: Set<Future<unknown>> | undefined;
  for (const item of items) {
    let child: Future<unknown> | undefined;
    if (item instanceof Future) {
      child = item;
      if (child.done()) {
        doneSeen ??= new Set();
        if (doneSeen.has(child)) {
          children.push(child);
          continue;
        }
        doneSeen.add(child);
      } else if (child[LAST_CALLBACK]() === onChildDone) {
        children.push(child);
        continue;
      }
    } else {
      child = made?.get(item);
      if (child !== undefined) {
        children.push(child);
        continue;
      }
      child = futureOf(item, loop, "gather", "awaitables", FIRST);
      (made ??= new Map()).set(item, child);
    }
    count++;
    child.addDoneCallback(onChildDone);
    children.push(child);
  }
  return outer;
}

/**
 * Protects an awaitable from cancellation: cancelling the returned future
 * (or the task awaiting it) does not cancel the inner one.
 *
 * @typeParam T The type of the result.
 * @param awaitable A future, task, or generator coroutine (run as a task).
 * @returns The inner future if it is already done, else a new future that
 * follows it.
 * @throws {TypeError} If `awaitable` cannot be awaited.
 * @throws {Error} If `awaitable` is not a future, no loop is running and
 * there is no current loop.
 */
export function shield<T>(
  awaitable: Future<T> | GeneratorCoroutine<T>,
): Future<T>;
/**
 * Protects an awaitable from cancellation: cancelling the returned future
 * (or the task awaiting it) does not cancel the inner one.
 *
 * @typeParam T The type of the result.
 * @param awaitable A future, task, promise or `async` function.
 * @returns The inner future if it is already done, else a new future that
 * follows it.
 */
export function shield<T>(awaitable: Future<T> | Coroutine<T>): Future<T>;
/**
 * Protects an awaitable from cancellation: cancelling the returned future
 * (or the task awaiting it) does not cancel the inner one.
 *
 * @typeParam T The type of the result.
 * @param awaitable Any awaitable this library takes.
 * @returns The inner future if it is already done, else a new future that
 * follows it.
 */
export function shield<T>(awaitable: AwaitableLike<T>): Future<T>;
export function shield<T>(awaitable: AwaitableLike<T>): Future<T> {
  const inner = futureOf(awaitable, undefined, "shield");
  if (inner.done()) return inner;
  const loop = inner.getLoop();
  const outer = new Future<T>(futureOptionsOf(loop));
  const onInnerDone = (): void => {
    if (outer.cancelled()) {
      // Mark the inner's exception retrieved.
      if (!inner.cancelled()) inner.exception();
      return;
    }
    if (inner.cancelled()) outer.cancel();
    else {
      const error = inner.exception();
      if (error !== undefined) outer.setException(error);
      else outer.setResult(inner.result());
    }
  };
  const onOuterDone = (): void => {
    if (!inner.done()) inner.removeDoneCallback(onInnerDone);
  };
  // The inner future is awaited by the task that shields it, while both
  // are pending (asyncio 3.14 records it for the call graph).
  const caller = slotOf(loop).current();
  if (caller !== undefined) markWaitingCallback(onInnerDone, caller);
  inner.addDoneCallback(onInnerDone);
  outer.addDoneCallback(onOuterDone);
  return outer;
}
