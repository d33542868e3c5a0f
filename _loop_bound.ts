/**
 * What the synchronization primitives (locks.ts, semaphore.ts, barrier.ts)
 * and the queues (queues.ts) share: asyncio's `_LoopBoundMixin`
 * (`Lib/asyncio/mixins.py`), the awaitable their waiting methods return,
 * and small checks. Not exported from mod.ts (the type {@linkcode Waitable}
 * is).
 *
 * How a primitive uses it, as CPython's `locks.py` does:
 *
 * ```ts ignore
 * class Event {
 *   #loop: AbstractEventLoop | undefined;
 *   #waiters = new Deque<Future<boolean>>();
 *
 *   // A waiting method: a private generator (CPython's `async def`, with
 *   // `yield*` for `await`) handed out through waitable().
 *   wait(): Waitable<true> {
 *     return waitable(this.#wait());
 *   }
 *
 *   *#wait(): Generator<unknown, true, unknown> {
 *     if (this.#value) return true;
 *     // Only the waiting path binds (asyncio's `self._get_loop()`).
 *     const loop = this.#loop = bindLoop(this, this.#loop, "Event.wait");
 *     const fut = new Future<boolean>(futureOptionsOf(loop));
 *     this.#waiters.push(fut);
 *     try {
 *       yield* fut;
 *       return true;
 *     } finally {
 *       this.#waiters.remove(fut);
 *     }
 *   }
 * }
 * ```
 *
 * A {@linkcode Waitable} is the generator itself, made thenable: a
 * generator task runs it inline with `yield*` (asyncio's `await` of a
 * coroutine: cancellation is thrown in at the `yield* fut` it is suspended
 * on, and the code after it runs in the task's own step), `createTask()`
 * and `gather()` take it as a generator coroutine, and `await` in an
 * `async` function drives it through `then()`, awaiting each future it
 * waits on in the awaiting task. Like a coroutine it is lazy: nothing runs
 * until it is awaited (or iterated); awaited twice, it runs once.
 *
 * @module
 */

import type { AbstractEventLoop } from "./_runtime.ts";
import { runningLoop } from "./_runtime.ts";
import type { Deque } from "./_deque.ts";
import { noRunningLoop } from "./_running.ts";
import { resume } from "./_generator.ts";
import { argumentError, checkFunction, describe } from "./_validate.ts";
import { type BlockResult, runInline } from "./_util.ts";
import { isGenerator } from "./_validate.ts";

/**
 * What a waiting method of a synchronization primitive or a queue returns
 * (`lock.acquire()`, `event.wait()`, `queue.get()`...): asyncio's
 * coroutine object, both kinds of task can wait on it. `await` it in an
 * `async` function, `yield*` it in a generator coroutine, or hand it to
 * `createTask()`, `gather()`, `waitFor()` as a coroutine.
 *
 * Like a Python coroutine, it does nothing until it is awaited (or
 * iterated), and it runs once: awaiting it again gives the same outcome.
 *
 * @typeParam T What it resolves to.
 *
 * @example Both kinds of task
 * ```ts
 * import { createTask, EventLoop, Event, gather } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const event = new Event();
 * const woken = await loop.runUntilComplete(async () => {
 *   const a = createTask(async () => await event.wait());
 *   const b = createTask(function* () {
 *     return yield* event.wait();
 *   });
 *   loop.callSoon(() => event.set());
 *   return await gather([a, b]);
 * });
 * assert.deepEqual(woken, [true, true]);
 * loop.close();
 * ```
 */
export interface Waitable<T>
  extends Generator<unknown, T, unknown>, PromiseLike<T> {}

const OUTCOME: unique symbol = Symbol("asyncio-ts waitable outcome");

interface Started<T> extends Generator<unknown, T, unknown> {
  [OUTCOME]?: Promise<T>;
}

/**
 * Runs a waitable's generator in the awaiting `async` code: each future
 * its `yield*` waits on is awaited here, so the awaiting task's
 * cancellation reaches that future and is thrown in at that `yield*`. Runs
 * synchronously up to the first wait: an uncontended `acquire()` needs no
 * loop iteration, as in asyncio.
 */
async function drive<T>(gen: Generator<unknown, T, unknown>): Promise<T> {
  let thrown = false;
  let value: unknown = undefined;
  let sendsResult = false;
  for (;;) {
    const next = resume(gen, thrown, value, sendsResult);
    if (next.done) return next.value;
    try {
      // The primitives yield only their own futures (through `yield*`).
      value = await (next.value as PromiseLike<unknown>);
      thrown = false;
      sendsResult = true;
    } catch (error) {
      value = error;
      thrown = true;
      sendsResult = false;
    }
  }
}

function then<T, R1 = T, R2 = never>(
  this: Started<T>,
  onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
  onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
): Promise<R1 | R2> {
  const outcome = this[OUTCOME] ??= drive(this);
  return outcome.then(onFulfilled, onRejected);
}

/**
 * Makes `gen`, a generator of a primitive's waiting method, the
 * {@linkcode Waitable} it returns. The `then` goes on the prototype of the
 * generator function's objects, once: the objects stay as small as any
 * generator.
 */
export function waitable<T>(gen: Generator<unknown, T, unknown>): Waitable<T> {
  const proto = Object.getPrototypeOf(gen);
  if (proto.then !== then) {
    Object.defineProperty(proto, "then", {
      value: then,
      writable: true,
      configurable: true,
    });
  }
  return gen as Waitable<T>;
}

/**
 * asyncio's `_LoopBoundMixin._get_loop()`: the running loop, which the
 * primitive `owner` binds to the first time it must wait; `bound` is the
 * loop it is bound to, if any. Only waiting calls it, so a primitive made
 * outside any loop, or used without waiting, binds to none. Store what it
 * returns: `this.#loop = bindLoop(this, this.#loop, "Lock.acquire")`.
 *
 * @param method Named in the error when no loop runs and none is bound.
 * @throws {Error} `<Lock [locked]> is bound to a different event loop`
 * when the running loop (or none) is not the bound one.
 */
export function bindLoop(
  owner: object,
  bound: AbstractEventLoop | undefined,
  method: string,
): AbstractEventLoop {
  const loop = runningLoop();
  if (bound === undefined) {
    if (loop === null) throw noRunningLoop(method);
    return loop;
  }
  if (loop !== bound) {
    throw new Error(`${owner} is bound to a different event loop`);
  }
  return loop;
}

/**
 * Whether any of a primitive's `waiters` is not cancelled: some task waits
 * for its turn (asyncio's `any(not w.cancelled() for w in self._waiters)`).
 */
export function someoneWaits(
  waiters: Deque<{ cancelled(): boolean }> | null,
): boolean {
  if (waiters === null) return false;
  for (let i = 0; i < waiters.length; i++) {
    if (!waiters.at(i)!.cancelled()) return true;
  }
  return false;
}

/**
 * Wakes the first of `waiters` that is not done with `result`, as asyncio's
 * primitives do; whether there was one (the others stay in line).
 */
export function wakeFirst<R>(
  waiters: Deque<{ done(): boolean; setResult(result: R): void }> | null,
  result: R,
): boolean {
  if (waiters === null) return false;
  for (let i = 0; i < waiters.length; i++) {
    const fut = waiters.at(i)!;
    if (!fut.done()) {
      fut.setResult(result);
      return true;
    }
  }
  return false;
}

/**
 * Throws unless `value` is an integer >= `min` (a count: a semaphore's
 * value, a barrier's parties, a queue's maxsize): a `TypeError` for a
 * non-number, a `RangeError` for `NaN`, a fraction, an infinity or a number
 * below `min`.
 */
export function checkCount(
  method: string,
  name: string,
  value: unknown,
  min: number,
): void {
  const what = `an integer >= ${min}`;
  if (typeof value !== "number") {
    throw argumentError(method, name, what, value);
  }
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(
      `${method}() expected \`${name}\` to be ${what}, got ${describe(value)}`,
    );
  }
}

/** A primitive that `async with` holds: a lock, a condition, a semaphore. */
export interface Holdable {
  acquire(): PromiseLike<unknown>;
  release(): void;
}

/**
 * Python's `async with primitive: body()` (`_ContextManagerMixin`):
 * acquires, runs `body` inline (an `async` function, or a generator
 * function driven as `yield*` would), and releases in `finally`.
 *
 * @param method Such as `"Lock.run"`, named in the errors.
 */
export async function holdWhile<R>(
  primitive: Holdable,
  body: () => R,
  method: string,
): Promise<BlockResult<R>> {
  checkFunction(method, "body", body);
  await primitive.acquire();
  try {
    const returned = body();
    return isGenerator(returned)
      ? await runInline(returned) as BlockResult<R>
      : await returned as BlockResult<R>;
  } finally {
    primitive.release();
  }
}

/**
 * `[Symbol.dispose](): void`, where the host's types know `Symbol.dispose`
 * (explicit resource management, `lib.esnext.disposable`, `@types/node`),
 * else nothing: merged into the primitives' classes (`interface Lock
 * extends ReleasedOnDispose {}`), so that `await lock.acquire(); using _ =
 * lock;` type-checks where `using` exists, and the package's types still
 * check against ES2023 without it.
 */
export type ReleasedOnDispose = SymbolConstructor extends {
  readonly dispose: infer K extends symbol;
} ? { [P in K]: () => void }
  : Record<never, never>;

// Absent in hosts that predate explicit resource management (older
// browsers), where `using` does not exist either.
const DISPOSE = (Symbol as { readonly dispose?: symbol }).dispose;

/**
 * Gives a primitive's prototype the `[Symbol.dispose]()` that
 * {@linkcode ReleasedOnDispose} declares: it calls `release()`.
 */
export function releaseOnDispose(prototype: { release(): void }): void {
  if (DISPOSE === undefined) return;
  Object.defineProperty(prototype, DISPOSE, {
    value: function dispose(this: { release(): void }): void {
      this.release();
    },
    writable: true,
    configurable: true,
  });
}
