/**
 * {@linkcode EventLoop}, asyncio's event loop: a queue of ready callbacks, a
 * heap of timers, and the iteration that runs them. A port of CPython's
 * `Lib/asyncio/base_events.py` (`BaseEventLoop`) and of the loop functions
 * of `Lib/asyncio/events.py`.
 *
 * The loop's queue, timers and iteration are `_scheduler.ts`'s, which also
 * states the ordering rule: code that a callback wakes runs to its next
 * suspension before the next ready callback.
 *
 * @module
 */

import { advance } from "./_clock.ts";
import { captureSource } from "./_debug.ts";
import {
  type AbstractEventLoop,
  setLoopFactory,
  setRunningLoop,
  SLOT,
  type TaskSlot,
  TIMER_CANCELLED,
} from "./_runtime.ts";
import { QUEUE_SIZES, Scheduler } from "./_scheduler.ts";
import { checkCanRun, firstLoop } from "./_running.ts";
import { makeTask, runUntilComplete } from "./_loop_tasks.ts";
import { Future, reportUnretrieved } from "./future.ts";
import { futureOptionsOf } from "./_future_options.ts";
import {
  type Handle,
  makeHandle,
  makeTimer,
  recordSource,
  type TimerHandle,
} from "./handle.ts";
import type { AnyFunction } from "./partial.ts";
import { callLoopHandler, formatContext } from "./_report.ts";
import type {
  Coroutine,
  GeneratorCoroutine,
  Task,
  TaskOptions,
} from "./task.ts";
import type {
  Awaitable,
  ExceptionContext,
  TaskFactory,
} from "./_loop_types.ts";
import {
  checkClockOption,
  checkContext,
  checkDuration,
  checkFunction,
  checkFunctionOrNull,
  checkTime,
  type EventLoopOptions,
} from "./_validate.ts";

export type { EventLoopOptions } from "./_validate.ts";
export type { Awaitable, ExceptionContext } from "./_loop_types.ts";

/** An exception handler, called as `handler(loop, context)`. */
export type ExceptionHandler = (
  loop: EventLoop,
  context: ExceptionContext,
) => void;

export { QUEUE_SIZES } from "./_scheduler.ts";

/**
 * asyncio's event loop: runs callbacks scheduled with
 * {@linkcode EventLoop.callSoon}, {@linkcode EventLoop.callLater} and
 * {@linkcode EventLoop.callAt}, one iteration at a time.
 *
 * Each iteration moves the timers that are due to the ready queue, then
 * runs the callbacks that were ready when it began, in order; callbacks
 * scheduled meanwhile run in a later iteration.
 *
 * Differences from asyncio: {@linkcode EventLoop.runUntilComplete} and
 * {@linkcode EventLoop.runForever} return promises, since JavaScript cannot
 * block; timers due at the same time run in the order they were scheduled.
 *
 * @example Usage
 * ```ts
 * import { EventLoop } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const calls: string[] = [];
 * loop.callLater(0.5, () => calls.push("later"));
 * loop.callSoon(() => calls.push("soon"));
 * loop.callLater(1, () => loop.stop());
 * await loop.runForever();
 * assert.deepEqual(calls, ["soon", "later"]);
 * assert.equal(loop.time(), 1);
 * loop.close();
 * ```
 */
export class EventLoop implements AbstractEventLoop {
  #core: Scheduler;
  #running = false;
  #closed = false;
  #exceptionHandler: ExceptionHandler | null = null;
  #taskFactory: TaskFactory | null = null;
  /** @ignore The library's own: the runtime's record of this loop. */
  readonly [SLOT]: TaskSlot;

  /**
   * Creates an event loop. It is not made the current loop; see
   * {@linkcode setEventLoop}.
   *
   * {@linkcode EventLoop.stop} is bound to the loop, so that
   * `loop.callLater(5, loop.stop)` works as asyncio's
   * `loop.call_later(5, loop.stop)` does.
   *
   * @param options The clock to run on, and when a virtual one jumps.
   * @throws {TypeError} If `options` is not an object or has an unknown
   * key, `options.clock` is not `"real"` or `"virtual"`, or `autojump` is
   * given with a real clock or is not a boolean or a number.
   * @throws {RangeError} If `autojump` is a negative or infinite number.
   */
  constructor(options: EventLoopOptions = {}) {
    this.#core = new Scheduler(checkClockOption("EventLoop", options));
    this[SLOT] = this.#core.slot;
    this[SLOT].futureOptions = Object.freeze({ loop: this });
    this.stop = this.stop.bind(this);
    // Written a second time on purpose (see Scheduler's constructor).
    this.#running = false;
    this.#closed = false;
  }

  /**
   * The loop's monotonic clock.
   *
   * @returns The time in seconds: `performance.now()` for a real clock, or
   * the virtual time, which starts at 0.
   */
  time(): number {
    return this.#core.time();
  }

  /**
   * Moves a virtual clock `seconds` forward, running what falls due on the
   * way in order, each at its own time, with every promise settled between
   * two steps; foreign work does not hold it. A loop that is not running
   * is run until then, and stopped again. (An example is at
   * {@linkcode EventLoopOptions.autojump}.)
   *
   * @param seconds How far to move, from the time now.
   * @returns A promise that resolves once the loop is idle at the new time.
   * @throws {TypeError} If the clock is real or `seconds` is not a number.
   * @throws {RangeError} If `seconds` is negative, infinite or `NaN`.
   * @throws {Error} If the loop is closed.
   */
  advance(seconds: number): Promise<void> {
    return advance(this, this.#core.clock, seconds);
  }

  /**
   * Schedules `callback(...args)` to run on a later iteration. Callbacks
   * run in the order they were scheduled.
   *
   * @typeParam A The callback's arguments.
   * @param callback The function to call.
   * @param args The arguments to call it with.
   * @returns A handle that can cancel the call.
   * @throws {TypeError} If `callback` is not a function.
   * @throws {Error} If the loop is closed.
   *
   * @example Usage
   * ```ts
   * import { EventLoop } from "asyncio-ts";
   * import assert from "node:assert/strict";
   *
   * const loop = new EventLoop();
   * const seen: number[] = [];
   * loop.callSoon((n: number) => seen.push(n), 1);
   * loop.callSoon((n: number) => seen.push(n), 2);
   * loop.callSoon(() => loop.stop());
   * await loop.runForever();
   * assert.deepEqual(seen, [1, 2]);
   * loop.close();
   * ```
   */
  callSoon<A extends unknown[]>(
    callback: (...args: A) => unknown,
    ...args: A
  ): Handle;
  callSoon(callback: AnyFunction, a0?: unknown, a1?: unknown): Handle {
    this.#checkClosed();
    if (typeof callback !== "function") {
      checkFunction("callSoon", "callback", callback);
    }
    // Read through `arguments`, not a rest parameter: up to two arguments
    // then travel inline, with no array allocated per call.
    const argc = arguments.length - 1;
    const handle = makeHandle(
      callback,
      argc,
      argc > 2 ? Array.prototype.slice.call(arguments, 1) : a0,
      a1,
      this,
    );
    if (this.#core.debug) recordSource(handle, captureSource());
    this.#core.push(handle);
    return handle;
  }

  /**
   * Schedules `callback(...args)` to run after `delay` seconds.
   *
   * @typeParam A The callback's arguments.
   * @param delay Delay in seconds; zero or less runs behind the callbacks
   * already queued.
   * @param callback The function to call.
   * @param args The arguments to call it with.
   * @returns A handle that can cancel the call.
   * @throws {TypeError} If `delay` is not a number or `callback` is not a
   * function.
   * @throws {RangeError} If `delay` is `NaN`.
   * @throws {Error} If the loop is closed.
   */
  callLater<A extends unknown[]>(
    delay: number,
    callback: (...args: A) => unknown,
    ...args: A
  ): TimerHandle;
  callLater(
    delay: number,
    callback: AnyFunction,
    a0?: unknown,
    a1?: unknown,
  ): TimerHandle {
    this.#checkClosed();
    checkTime("callLater", "delay", delay);
    if (typeof callback !== "function") {
      checkFunction("callLater", "callback", callback);
    }
    const argc = arguments.length - 2;
    return this.#callAt(
      this.time() + delay,
      callback,
      argc,
      argc > 2 ? Array.prototype.slice.call(arguments, 2) : a0,
      a1,
    );
  }

  /**
   * Schedules `callback(...args)` to run at loop time `when`. Timers due at
   * the same time run in the order they were scheduled.
   *
   * @typeParam A The callback's arguments.
   * @param when The time in seconds on the loop's clock
   * ({@linkcode EventLoop.time}).
   * @param callback The function to call.
   * @param args The arguments to call it with.
   * @returns A handle that can cancel the call.
   * @throws {TypeError} If `when` is not a number or `callback` is not a
   * function.
   * @throws {RangeError} If `when` is `NaN`.
   * @throws {Error} If the loop is closed.
   */
  callAt<A extends unknown[]>(
    when: number,
    callback: (...args: A) => unknown,
    ...args: A
  ): TimerHandle;
  callAt(
    when: number,
    callback: AnyFunction,
    a0?: unknown,
    a1?: unknown,
  ): TimerHandle {
    this.#checkClosed();
    checkTime("callAt", "when", when);
    if (typeof callback !== "function") {
      checkFunction("callAt", "callback", callback);
    }
    const argc = arguments.length - 2;
    return this.#callAt(
      when,
      callback,
      argc,
      argc > 2 ? Array.prototype.slice.call(arguments, 2) : a0,
      a1,
    );
  }

  /**
   * Creates a future bound to this loop.
   *
   * @typeParam T The type of the result.
   * @returns A pending future.
   */
  createFuture<T>(): Future<T> {
    return new Future<T>(futureOptionsOf(this));
  }

  /**
   * Creates a task that runs `coro` on this loop.
   *
   * @typeParam T The type of the result.
   * @param coro A generator coroutine (a generator function or a generator
   * not started yet), stepped by the loop as asyncio steps a coroutine; or
   * an `async` function, called on the task's first step (one iteration
   * later, as asyncio starts a coroutine); or a promise of work that is
   * already running.
   * @param options The task's name, an `AbortSignal` that cancels it, and
   * `eagerStart` (its first step runs at once while the loop runs).
   * @returns The task, made by the task factory if one is set
   * ({@linkcode EventLoop.setTaskFactory}).
   * @throws {TypeError} If `coro` is neither a function nor a promise, or
   * `options` is not an object.
   * @throws {Error} If the loop is closed.
   */
  createTask<T>(
    coro: GeneratorCoroutine<T>,
    options?: Omit<TaskOptions, "loop">,
  ): Task<T>;
  /**
   * Creates a task that runs `coro` on this loop.
   *
   * @typeParam T The type of the result.
   * @param coro An `async` function, called on the task's first step, or a
   * promise of work that is already running.
   * @param options The task's name, and an `AbortSignal` that cancels it.
   * @returns The task.
   */
  createTask<T>(
    coro: Coroutine<T>,
    options?: Omit<TaskOptions, "loop">,
  ): Task<T>;
  createTask<T>(
    coro: Coroutine<T> | GeneratorCoroutine<T>,
    options: Omit<TaskOptions, "loop"> = {},
  ): Task<T> {
    this.#checkClosed();
    return makeTask(this, this.#taskFactory, coro, options);
  }

  /**
   * Sets the factory that {@linkcode EventLoop.createTask} makes tasks with,
   * such as {@linkcode eagerTaskFactory}; `null` restores `new Task()`.
   *
   * @param factory Called as `factory(loop, coro, options)`, or `null`.
   * @throws {TypeError} If `factory` is neither a function nor `null`.
   */
  setTaskFactory(factory: TaskFactory | null): void {
    checkFunctionOrNull("setTaskFactory", "factory", factory);
    this.#taskFactory = factory;
  }

  /** The factory set with {@linkcode EventLoop.setTaskFactory}, or `null`. */
  getTaskFactory(): TaskFactory | null {
    return this.#taskFactory;
  }

  /**
   * Runs the loop until `awaitable` is done, then resolves with its result
   * or rejects with its exception.
   *
   * As in asyncio, the loop is stopped by a done callback on the
   * awaitable, so the rest of that iteration still runs (an already-done
   * future still runs one iteration). A promise or an `async` function is
   * wrapped in a task of this loop.
   *
   * Differences from asyncio: it returns a promise, because a JavaScript
   * caller cannot block. Its errors arrive as a rejection.
   *
   * @typeParam T The type of the result.
   * @param awaitable A future of this loop, a generator coroutine, a
   * promise, or an `async` function.
   * @returns The awaitable's result.
   * @throws {TypeError} If `awaitable` is not a future, a generator, a
   * promise or a function.
   * @throws {Error} If the loop is closed or running, or stopped before the
   * awaitable completed, or `awaitable` is a future of another loop.
   */
  runUntilComplete<T>(awaitable: GeneratorCoroutine<T>): Promise<T>;
  /**
   * Runs the loop until `awaitable` is done, then resolves with its result
   * or rejects with its exception.
   *
   * @typeParam T The type of the result.
   * @param awaitable A future of this loop, a promise, or an `async`
   * function.
   * @returns The awaitable's result.
   */
  runUntilComplete<T>(awaitable: Awaitable<T>): Promise<T>;
  async runUntilComplete<T>(
    awaitable: Awaitable<T> | GeneratorCoroutine<T>,
  ): Promise<T> {
    this.#checkClosed();
    this.#checkRunning();
    return await runUntilComplete<T>(
      this,
      awaitable,
      (coro) => this.createTask(coro as Coroutine<T>),
    );
  }

  /**
   * Runs the loop until {@linkcode EventLoop.stop} is called.
   *
   * @returns A promise that resolves when the loop has stopped.
   * @throws {Error} If the loop is closed or running, or another loop is
   * running.
   */
  runForever(): Promise<void> {
    try {
      this.#checkClosed();
      this.#checkRunning();
    } catch (error) {
      return Promise.reject(error);
    }
    this.#running = true;
    setRunningLoop(this);
    return this.#core.run(() => {
      this.#running = false;
      setRunningLoop(null);
    });
  }

  /**
   * Stops the loop: it finishes the callbacks of its current iteration,
   * then returns from {@linkcode EventLoop.runForever} or
   * {@linkcode EventLoop.runUntilComplete}. Called before `runForever()`,
   * it makes `runForever()` run exactly one iteration.
   */
  stop(): void {
    this.#core.stop();
  }

  /**
   * Closes the loop, dropping its pending callbacks and timers; first, the
   * failed futures and tasks whose exception nobody retrieved go to the
   * exception handler, once each ("Task exception was never retrieved", as
   * asyncio reports on collection). Closing a closed loop does nothing.
   *
   * @throws {Error} If the loop is running.
   */
  close(): void {
    if (this.#running) throw new Error("Cannot close a running event loop");
    if (this.#closed) return;
    reportUnretrieved(this);
    this.#core.clear(String(this));
    this.#closed = true;
  }

  /**
   * Whether the loop is running.
   *
   * @returns `true` between the start and the end of a run.
   */
  isRunning(): boolean {
    return this.#running;
  }

  /**
   * Whether the loop was closed.
   *
   * @returns `true` once {@linkcode EventLoop.close} was called.
   */
  isClosed(): boolean {
    return this.#closed;
  }

  /**
   * Whether debug mode is on.
   *
   * @returns `true` after `setDebug(true)`.
   */
  getDebug(): boolean {
    return this.#core.debug;
  }

  /**
   * Turns debug mode on or off. In debug mode, callbacks that run longer
   * than {@linkcode EventLoop.slowCallbackDuration} are reported with
   * `console.warn`; handles, futures and tasks remember where they were
   * created, and reports show it; closing the loop with pending callbacks
   * says so. Off, it costs nothing (no stack is captured).
   *
   * @param enabled Whether to turn it on.
   */
  setDebug(enabled: boolean): void {
    this.#core.debug = Boolean(enabled);
  }

  /**
   * In debug mode, the duration in seconds above which a callback (with the
   * code it resumed) is reported as slow.
   *
   * @default {0.1}
   */
  get slowCallbackDuration(): number {
    return this.#core.slowCallbackDuration;
  }

  set slowCallbackDuration(seconds: number) {
    checkDuration("slowCallbackDuration", seconds);
    this.#core.slowCallbackDuration = seconds;
  }

  /**
   * Sets the handler for exceptions that reach the loop, such as a callback
   * that throws. `null` restores the default.
   *
   * @param handler Called as `handler(loop, context)`, or `null`.
   * @throws {TypeError} If `handler` is neither a function nor `null`.
   */
  setExceptionHandler(handler: ExceptionHandler | null): void {
    checkFunctionOrNull("setExceptionHandler", "handler", handler);
    this.#exceptionHandler = handler;
  }

  /**
   * The exception handler set with
   * {@linkcode EventLoop.setExceptionHandler}.
   *
   * @returns The handler, or `null` for the default.
   */
  getExceptionHandler(): ExceptionHandler | null {
    return this.#exceptionHandler;
  }

  /**
   * Calls the exception handler, or the default one, with `context`. An
   * exception thrown by the handler is logged, never thrown, even when
   * `console.error` itself throws.
   *
   * @param context What went wrong.
   * @throws {TypeError} If `context` is not an object.
   */
  callExceptionHandler(context: ExceptionContext): void {
    checkContext("callExceptionHandler", context);
    callLoopHandler(this, this.#exceptionHandler, context);
  }

  /**
   * The default exception handler: logs `context` with `console.error`
   * (never to stdout), as asyncio logs it through `logging`.
   *
   * @param context What went wrong.
   * @throws {TypeError} If `context` is not an object.
   */
  defaultExceptionHandler(context: ExceptionContext): void {
    checkContext("defaultExceptionHandler", context);
    console.error(formatContext(context));
  }

  /**
   * Formats the loop, such as `<EventLoop running=false closed=false>`.
   *
   * @returns The formatted loop.
   */
  toString(): string {
    return `<EventLoop running=${this.#running} closed=${this.#closed}${
      this.#core.virtual ? " clock=virtual" : ""
    }>`;
  }

  /** @ignore The library's own: a timer of this loop was cancelled. */
  [TIMER_CANCELLED](timer: TimerHandle): void {
    this.#core.timerCancelled(timer);
  }

  /** @ignore See {@linkcode QUEUE_SIZES}. */
  [QUEUE_SIZES](): { ready: number; scheduled: number } {
    return {
      ready: this.#core.readyCount,
      scheduled: this.#core.scheduledCount,
    };
  }

  #callAt(
    when: number,
    callback: AnyFunction,
    argc: number,
    a0: unknown,
    a1: unknown,
  ): TimerHandle {
    const timer = makeTimer(when, callback, argc, a0, a1, this);
    if (this.#core.debug) recordSource(timer, captureSource());
    this.#core.pushTimer(timer, when);
    return timer;
  }

  #checkClosed(): void {
    if (this.#closed) throw new Error("Event loop is closed");
  }

  #checkRunning(): void {
    checkCanRun(this.#running);
  }
}

// getEventLoop() makes the first current loop (_running.ts's probe none).
setLoopFactory(() => firstLoop(() => new EventLoop()));
