/**
 * {@linkcode timeout}, {@linkcode timeoutAt} and {@linkcode waitFor}: ports
 * of `asyncio.timeout()` (CPython's `Lib/asyncio/timeouts.py`) and of
 * `asyncio.wait_for()` as Python 3.12 rebuilt it on `timeout`, so that no
 * cancellation is swallowed.
 *
 * @module
 */

import { CancelledError, TimeoutError } from "./errors.ts";
import type { ScheduledCallback } from "./_runtime.ts";
import { noTaskHint } from "./_host_context.ts";
import { runningLoopFor } from "./_running.ts";
import { Future } from "./future.ts";
import { futureOptionsOf } from "./_future_options.ts";
import {
  type Coroutine,
  type GeneratorCoroutine,
  type Task,
  UNDELIVERED,
} from "./task.ts";
import { currentTaskOf } from "./tasks.ts";
import {
  asyncWith,
  type AwaitableLike,
  awaitInline,
  type BlockResult,
  isAwaitableLike,
} from "./_util.ts";
import { futureOf } from "./ensure_future.ts";
import { checkFunction, describe } from "./_validate.ts";

// asyncio's `_State` values; "entered" is shown as "active".
type State = "created" | "entered" | "expiring" | "expired" | "finished";

function checkSeconds(method: string, name: string, value: unknown): void {
  if (value === null) return;
  if (typeof value !== "number" || Number.isNaN(value)) {
    const error = typeof value === "number" ? RangeError : TypeError;
    throw new error(
      `${method}() expected \`${name}\` to be a number of seconds or null, got ${
        describe(value)
      }`,
    );
  }
}

/**
 * A deadline for the code of the current task, as asyncio's `Timeout`.
 *
 * When the deadline passes, the task is cancelled; at the end of the scope
 * the `CancelledError` becomes {@linkcode TimeoutError}, unless the task
 * was also cancelled from elsewhere, in which case the cancellation goes on
 * (asyncio's `cancelling()`/`uncancel()` bookkeeping).
 *
 * Use {@linkcode timeout} with a body, which enters and exits the scope
 * around it. `await using` cannot carry this: a disposer does not see the
 * exception of its block, so it could not turn the cancellation into a
 * `TimeoutError`. {@linkcode Timeout.enter} and {@linkcode Timeout.exit}
 * are asyncio's `__aenter__` and `__aexit__`, for code that manages the
 * scope by hand.
 */
export class Timeout {
  #state: State = "created";
  #when: number | null;
  #handle: ScheduledCallback | undefined;
  #task: Task<unknown> | undefined;
  #cancelling = 0;

  /**
   * Creates a timeout scope. Prefer {@linkcode timeout} or
   * {@linkcode timeoutAt}.
   *
   * @param when The deadline on the loop's clock, in seconds, or `null`
   * for none.
   */
  constructor(when: number | null) {
    checkSeconds("Timeout", "when", when);
    this.#when = when;
  }

  /**
   * The deadline.
   *
   * @returns The loop time in seconds, or `null` for none.
   */
  when(): number | null {
    return this.#when;
  }

  /**
   * Moves the deadline.
   *
   * @param when The new loop time in seconds, or `null` for none.
   * @throws {Error} If the scope was not entered, or has ended.
   */
  reschedule(when: number | null): void {
    checkSeconds("reschedule", "when", when);
    if (this.#state !== "entered") {
      throw new Error(
        this.#state === "created"
          ? "Timeout has not been entered"
          : `Cannot change state of ${this.#state} Timeout`,
      );
    }
    this.#when = when;
    this.#handle?.cancel();
    if (when === null) {
      this.#handle = undefined;
      return;
    }
    const loop = this.#task!.getLoop();
    this.#handle = when <= loop.time()
      ? loop.callSoon(() => this.#onTimeout())
      : loop.callAt(when, () => this.#onTimeout());
  }

  /**
   * Whether the deadline passed and cancelled the task.
   *
   * @returns `true` once it expired.
   */
  expired(): boolean {
    return this.#state === "expiring" || this.#state === "expired";
  }

  /**
   * Enters the scope (asyncio's `__aenter__`) in the current task.
   *
   * @throws {Error} If it was entered before, or no loop or no task is
   * running.
   */
  enter(): void {
    if (this.#state !== "created") {
      throw new Error("Timeout has already been entered");
    }
    const task = currentTaskOf(runningLoopFor("Timeout.enter"));
    if (task === undefined) {
      throw new Error(`Timeout should be used inside a task${noTaskHint()}`);
    }
    this.#state = "entered";
    this.#task = task;
    this.#cancelling = task.cancelling();
    this.reschedule(this.#when);
  }

  /**
   * Leaves the scope (asyncio's `__aexit__`).
   *
   * @param error What the scope's code threw, if it threw.
   * @param threw Whether it threw (so that `undefined` can be thrown).
   * @throws {TimeoutError} If the deadline cancelled the code and nothing
   * else asked for the cancellation; its `cause` is the `CancelledError`.
   */
  exit(error?: unknown, threw: boolean = error !== undefined): void {
    if (this.#state !== "entered" && this.#state !== "expiring") {
      throw new Error(`Cannot exit a ${this.#state} Timeout`);
    }
    this.#handle?.cancel();
    this.#handle = undefined;
    if (this.#state === "expiring") {
      this.#state = "expired";
      const task = this.#task!;
      // The deadline's cancellation never reached the code: it was away on
      // a foreign await that cancellation cannot interrupt, and came back
      // past the deadline. The scope ends as if it had been delivered.
      // (A body that threw, as a fetch aborted through the task's signal
      // does, had its cancellation delivered that way.)
      const stuck = !threw && task[UNDELIVERED]();
      if (stuck) {
        threw = true;
        error = new CancelledError();
      }
      if (
        task.uncancel() <= this.#cancelling && threw &&
        error instanceof CancelledError
      ) {
        // No other cancellation was requested: it is ours to handle.
        if (stuck && task.getLoop().getDebug()) this.#warnStuck(task);
        throw new TimeoutError(undefined, { cause: error });
      }
    } else this.#state = "finished";
  }

  /** Debug mode: the code came back from foreign work past the deadline. */
  #warnStuck(task: Task<unknown>): void {
    const late = task.getLoop().time() - this.#when!;
    console.warn(
      `${task} came back ${
        late.toFixed(3)
      } s past its timeout deadline from a foreign await (not a future of its loop), which cancellation cannot interrupt: pass the task's signal to it (fetch(url, { signal: currentTask().signal })), or await ensureFuture(promise) to be released at the deadline`,
    );
  }

  /**
   * Runs `body` inside the scope: enters, awaits it, exits.
   *
   * @typeParam R What the body returns: a value, a promise, or a generator.
   * @param body The code to run under the deadline.
   * @returns The body's result.
   * @throws {TimeoutError} If the deadline passed first.
   * @throws {Error} If no loop is running.
   */
  async run<R>(body: (scope: Timeout) => R): Promise<BlockResult<R>> {
    checkFunction("run", "body", body);
    runningLoopFor("Timeout.run");
    return await asyncWith(this, body);
  }

  /**
   * Formats the scope as asyncio's `repr()` does.
   *
   * @returns Such as `<Timeout [active] when=10>`.
   */
  toString(): string {
    const state = this.#state === "entered"
      ? "active"
      : this.#state === "expiring"
      ? "expiring"
      : this.#state;
    // As asyncio: `when=None` without a deadline, rounded to milliseconds.
    const when = this.#when === null
      ? "None"
      : String(Math.round(this.#when * 1000) / 1000);
    return `<Timeout [${state}]${
      this.#state === "entered" ? ` when=${when}` : ""
    }>`;
  }

  #onTimeout(): void {
    this.#task!.cancel();
    this.#state = "expiring";
    this.#handle = undefined;
  }
}

/**
 * Runs `body` with a deadline `delay` seconds from now: if it has not
 * finished by then, the current task is cancelled and `timeout` throws
 * {@linkcode TimeoutError}. Python's `async with asyncio.timeout(delay):`.
 *
 * Without a body, returns the unentered {@linkcode Timeout}, for
 * {@linkcode Timeout.enter} and {@linkcode Timeout.exit}.
 *
 * @typeParam R What the body returns: a value, a promise, or a generator.
 * @param delay Seconds from now, or `null` for no deadline.
 * @param body The code to run under the deadline.
 * @returns The body's result.
 * @throws {TimeoutError} If the deadline passed first.
 * @throws {Error} If no loop is running: call it from code that
 * {@linkcode run} or {@linkcode EventLoop.runUntilComplete} runs.
 *
 * @example Usage
 * ```ts
 * import { EventLoop, sleep, timeout, TimeoutError } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * await assert.rejects(
 *   loop.runUntilComplete(() => timeout(1, () => sleep(10))),
 *   TimeoutError,
 * );
 * assert.equal(loop.time(), 1);
 * loop.close();
 * ```
 */
export function timeout<R>(
  delay: number | null,
  body: (scope: Timeout) => R,
): Promise<BlockResult<R>>;
/**
 * Returns a timeout scope `delay` seconds from now, to enter and exit by
 * hand.
 *
 * @param delay Seconds from now, or `null` for no deadline.
 * @returns The scope.
 */
export function timeout(delay: number | null): Timeout;
export function timeout<R>(
  delay: number | null,
  body?: (scope: Timeout) => R,
): Promise<BlockResult<R>> | Timeout {
  checkSeconds("timeout", "delay", delay);
  if (body !== undefined) checkFunction("timeout", "body", body);
  const loop = runningLoopFor("timeout");
  const when = delay === null ? null : loop.time() + delay;
  return body === undefined ? new Timeout(when) : new Timeout(when).run(body);
}

/**
 * Runs `body` with a deadline at loop time `when`, as
 * `asyncio.timeout_at()`.
 *
 * @typeParam R What the body returns: a value, a promise, or a generator.
 * @param when The deadline in seconds on the loop's clock, or `null`.
 * @param body The code to run under the deadline.
 * @returns The body's result.
 * @throws {TimeoutError} If the deadline passed first.
 * @throws {Error} If no loop is running.
 */
export function timeoutAt<R>(
  when: number | null,
  body: (scope: Timeout) => R,
): Promise<BlockResult<R>>;
/**
 * Returns a timeout scope with a deadline at loop time `when`.
 *
 * @param when The deadline in seconds on the loop's clock, or `null`.
 * @returns The scope.
 */
export function timeoutAt(when: number | null): Timeout;
export function timeoutAt<R>(
  when: number | null,
  body?: (scope: Timeout) => R,
): Promise<BlockResult<R>> | Timeout {
  checkSeconds("timeoutAt", "when", when);
  if (body !== undefined) {
    checkFunction("timeoutAt", "body", body);
    runningLoopFor("timeoutAt");
  }
  return body === undefined ? new Timeout(when) : new Timeout(when).run(body);
}

/**
 * Waits for `awaitable` with a time limit: its result, or
 * {@linkcode TimeoutError} after cancelling it.
 *
 * Built as Python 3.12 builds `wait_for`, on {@linkcode timeout}: the
 * awaitable is awaited in the current task, so a cancellation of the
 * waiting task is never swallowed.
 *
 * @typeParam T The result type.
 * @param awaitable A future, task, or generator coroutine (run as a task).
 * @param seconds The limit in seconds, or `null` for none.
 * @returns The awaitable's result.
 * @throws {TimeoutError} If the limit passed first.
 * @throws {Error} If no loop is running.
 *
 * @example Usage
 * ```ts
 * import { EventLoop, sleep, waitFor } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const value = await loop.runUntilComplete(() => waitFor(sleep(1, "ok"), 5));
 * assert.equal(value, "ok");
 * loop.close();
 * ```
 */
export function waitFor<T>(
  awaitable: Future<T> | GeneratorCoroutine<T>,
  seconds: number | null,
): Promise<T>;
/**
 * Waits for `awaitable` with a time limit: its result, or
 * {@linkcode TimeoutError} after cancelling it.
 *
 * @typeParam T The result type.
 * @param awaitable A future, task, promise or `async` function.
 * @param seconds The limit in seconds, or `null` for none.
 * @returns The awaitable's result.
 */
export function waitFor<T>(
  awaitable: Future<T> | Coroutine<T>,
  seconds: number | null,
): Promise<T>;
/**
 * Waits for `awaitable` with a time limit: its result, or
 * {@linkcode TimeoutError} after cancelling it.
 *
 * @typeParam T The result type.
 * @param awaitable Any awaitable this library takes.
 * @param seconds The limit in seconds, or `null` for none.
 * @returns The awaitable's result.
 */
export function waitFor<T>(
  awaitable: AwaitableLike<T>,
  seconds: number | null,
): Promise<T>;
export async function waitFor<T>(
  awaitable: AwaitableLike<T>,
  seconds: number | null,
): Promise<T> {
  if (!isAwaitableLike(awaitable)) {
    // ensureFuture's message, before any other check, as asyncio's
    // ensure_future comes first.
    futureOf(awaitable, undefined, "waitFor");
  }
  checkSeconds("waitFor", "timeout", seconds);
  runningLoopFor("waitFor");
  if (seconds !== null && seconds <= 0) {
    const future = futureOf(awaitable, undefined, "waitFor");
    if (future.done()) return future.result();
    await cancelAndWait(future);
    try {
      return future.result();
    } catch (error) {
      if (error instanceof CancelledError) {
        throw new TimeoutError(undefined, { cause: error });
      }
      throw error;
    }
  }
  return await timeout(seconds, () => awaitInline(awaitable));
}

async function cancelAndWait(future: Future<unknown>): Promise<void> {
  const waiter = new Future<void>(futureOptionsOf(future.getLoop()));
  const release = (): void => {
    if (!waiter.done()) waiter.setResult();
  };
  future.addDoneCallback(release);
  try {
    future.cancel();
    // Not `await future`: this must stay cancellable itself.
    await waiter;
  } finally {
    future.removeDoneCallback(release);
  }
}
