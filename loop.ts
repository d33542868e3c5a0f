/**
 * {@linkcode EventLoop}, asyncio's event loop: a queue of ready callbacks, a
 * heap of timers, and the iteration that runs them. A port of CPython's
 * `Lib/asyncio/base_events.py` (`BaseEventLoop`) and of the loop functions
 * of `Lib/asyncio/events.py`.
 *
 * The loop runs in JavaScript, iteration after iteration, without going back
 * to the host between callbacks. It goes to the host only to wait: when
 * nothing is ready it waits on the host's timer for the next due timer, and
 * a `callSoon` made from outside the loop wakes it at once.
 *
 * The ordering rule: when a callback wakes code that awaits one of this
 * library's futures, the loop lets that code run to its next suspension
 * before the next ready callback, as asyncio's `Task.__step` runs a
 * coroutine to its next `await` inside one callback. The loop is a
 * trampoline (`#pump`): after such a callback it returns, and goes on when
 * the woken code gives a precise sign: its next `then()` on a pending
 * future of ours (how `await future` suspends), or its task's end. Each
 * sign continues the loop in the next microtask. Code that awaits foreign
 * work instead (a fetch, a host timer, a promise of someone else's) gives
 * no sign: the microtask queue runs dry, and one host task (setImmediate,
 * queued once per pause) continues the loop; that task's code is then away
 * until it awaits a future of ours again. A direct `fut.then(cb)` call on a
 * pending future from woken code looks like a suspension (asyncio has no
 * such case).
 *
 * @module
 */

import { Deque } from "./_deque.ts";
import { TimerHeap } from "./_heap.ts";
import { captureSource } from "./_debug.ts";
import { TRUSTED } from "./_hooks.ts";
import {
  currentLoop,
  runningLoop,
  setCurrentLoop,
  setLoopFactory,
  setRunningLoop,
  SLOT,
  TaskSlot,
} from "./_runtime.ts";
import { Future } from "./future.ts";
import {
  type Handle,
  handleInternals,
  timerCancelled,
  type TimerHandle,
} from "./handle.ts";
import type { AnyFunction } from "./partial.ts";
import { repr } from "./repr.ts";
import {
  type Coroutine,
  type GeneratorCoroutine,
  sweepTasks,
  Task,
  type TaskOptions,
} from "./task.ts";
import {
  argumentError,
  checkContext,
  checkCoroutine,
  checkFunction,
  checkOptions,
  checkTime,
  describe,
  isGenerator,
  isThenable,
} from "./_validate.ts";

/** Options for the {@linkcode EventLoop} constructor. */
export interface EventLoopOptions {
  /**
   * `"real"` runs timers on `performance.now()`; `"virtual"` starts
   * {@linkcode EventLoop.time} at 0 and, whenever nothing is ready, jumps
   * straight to the next timer, without waiting.
   *
   * @default {"real"}
   */
  clock?: "real" | "virtual" | undefined;
}

/**
 * What the loop passes to its exception handler, as asyncio's context dict.
 */
export interface ExceptionContext {
  /** What went wrong, such as `Exception in callback f()`. */
  message: string;
  /** The exception, if there is one. */
  exception?: unknown;
  /** The future concerned, if any. */
  future?: Future<unknown>;
  /** The handle whose callback threw, if any. */
  handle?: Handle;
  /** The task concerned, if any. */
  task?: Task<unknown>;
  /** More details, by name. */
  [key: string]: unknown;
}

/** An exception handler, called as `handler(loop, context)`. */
export type ExceptionHandler = (
  loop: EventLoop,
  context: ExceptionContext,
) => void;

/** The constructor with the argument that skips its checks. */
type TrustedTask = new <T>(
  coro: unknown,
  options: Omit<TaskOptions, "loop">,
  trusted: typeof TRUSTED,
  loop: EventLoop,
) => Task<T>;

/** Anything {@linkcode EventLoop.runUntilComplete} can run. */
export type Awaitable<T> = Future<T> | Coroutine<T>;

// Timers are compacted out of the heap when more than half of at least this
// many are cancelled (CPython's _MIN_SCHEDULED_TIMER_HANDLES and
// _MIN_CANCELLED_TIMER_HANDLES_FRACTION).
const MIN_SCHEDULED_TIMER_HANDLES = 100;
// The longest host wait, in seconds (CPython's MAXIMUM_SELECT_TIMEOUT).
const MAXIMUM_SELECT_TIMEOUT = 24 * 3600;
// Microtask turns the loop gives when nothing is ready, before it waits on
// the host.
const IDLE_TURNS = 4;
// How long, in milliseconds, the loop runs callbacks before it lets the host
// run its own tasks (timers, I/O) once.
const HOST_SLICE_MS = 50;
// Why `#runIterations()` returned to `runForever()`: a callback resumed code
// that awaited a future; nothing is ready (wait for the next timer); the
// host's turn is due; the loop stops.
const RESUMED = 0;
const IDLE = 1;
const SLICE = 2;
const STOPPED = 3;
// What a paused loop waits for: nothing; resumed code to suspend; promise
// work that a generator step left behind to reach an await of ours.
const NOT_PAUSED = 0;
const RESUMING = 1;
const DRAINING = 2;
const RESOLVED = Promise.resolve();

const {
  create: createHandle,
  createTimer,
  run: runHandle,
  setSlot,
  slot: slotOf,
  setSource,
} = handleInternals;

// A host task that runs `fn` once every microtask has run: setImmediate,
// else a MessageChannel (browsers), else setTimeout. Chosen on first use,
// not at import: in Deno, merely reading `globalThis.setImmediate` loads
// the Node-compatibility timers (~15 ms).
let hostTask: ((fn: () => void) => void) | undefined;

function afterMicrotasks(fn: () => void): void {
  (hostTask ??= chooseHostTask())(fn);
}

function yieldToHost(): Promise<void> {
  return new Promise<void>((resolve) => afterMicrotasks(resolve));
}

function chooseHostTask(): (fn: () => void) => void {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown };
  if (typeof g.setImmediate === "function") {
    const setImmediate = g.setImmediate;
    return (fn) => void setImmediate(fn);
  }
  if (typeof MessageChannel === "function") {
    return (fn) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        fn();
      };
      channel.port2.postMessage(null);
    };
  }
  return (fn) => void setTimeout(fn, 0);
}

function checkCallback(method: string, callback: unknown): void {
  checkFunction(method, "callback", callback);
}

/** Checks `EventLoop` options; returns whether the clock is virtual. */
function checkLoopOptions(
  method: string,
  options: EventLoopOptions | undefined,
): boolean {
  checkOptions(method, "{ clock }", options);
  const clock = options?.clock ?? "real";
  if (clock !== "real" && clock !== "virtual") {
    throw argumentError(method, "options.clock", '"real" or "virtual"', clock);
  }
  return clock === "virtual";
}

/**
 * Logs with `console.error` and never throws: when even that fails there is
 * nowhere left to report to (asyncio's `logging` swallows its own errors).
 */
function logLastResort(message: string, error: unknown): void {
  try {
    console.error(message, error);
  } catch {
    // Nothing left to do.
  }
}

/**
 * Probes for the unit tests (tests/loop_test.ts), as handle.ts keeps its
 * friend access; not exported from mod.ts and never used by the library.
 */
export const loopInternals = {} as {
  /** How many timers the loop's heap holds, cancelled ones included. */
  scheduledCount(loop: EventLoop): number;
  /** How many handles the loop's ready queue holds. */
  readyCount(loop: EventLoop): number;
};

function runUntilCompleteCb(future: Future<unknown>): void {
  future.getLoop().stop();
}

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
 * import { EventLoop } from "@asyncio-ts/asyncio";
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
export class EventLoop {
  #ready = new Deque<Handle>();
  #scheduled = new TimerHeap<TimerHandle>(setSlot);
  #timerCancelledCount = 0;
  #timerSeq = 0;
  #stopping = false;
  #running = false;
  #closed = false;
  #virtual: boolean;
  #virtualNow = 0;
  #exceptionHandler: ExceptionHandler | null = null;
  /** Whose code runs on this loop, and the signs it waits for. */
  #slot: TaskSlot;
  /** @ignore The library's own: the runtime's record of this loop. */
  readonly [SLOT]: TaskSlot;
  /** Wakes the loop from its host wait; set only while it waits. */
  #wake: (() => void) | null = null;
  /** What the loop waits for while code it woke runs (see #pause). */
  #paused = NOT_PAUSED;
  /** Ends the promise of runForever(), with the error that ended it. */
  #finished: ((error: unknown) => void) | undefined;
  /** A host task is queued to tell a pause that the microtasks ran dry. */
  #hostArmed = false;
  #sliceStart = 0;
  #iterations = 0;
  /**
   * Callbacks still to run in the current iteration (CPython's `ntodo`), or
   * -1 between iterations.
   */
  #ntodo = -1;
  /** The handle whose callback resumed code, and when it started (debug). */
  #resumedHandle: Handle | undefined;
  #t0 = -1;
  /** How long to wait, in seconds, when `#runIterations()` says `IDLE`. */
  #timeout = 0;
  #debug = false;
  #slowCallbackDuration = 0.1;

  static {
    loopInternals.scheduledCount = (loop) => loop.#scheduled.size;
    loopInternals.readyCount = (loop) => loop.#ready.length;
    timerCancelled.notify = (loop, handle) => {
      const slot = slotOf(handle);
      if (loop.#scheduled.holds(slot, handle)) {
        loop.#scheduled.markDead(slot);
        loop.#timerCancelledCount++;
      }
    };
  }

  /**
   * Creates an event loop. It is not made the current loop; see
   * {@linkcode setEventLoop}.
   *
   * {@linkcode EventLoop.stop} is bound to the loop, so that
   * `loop.callLater(5, loop.stop)` works as asyncio's
   * `loop.call_later(5, loop.stop)` does.
   *
   * @param options The clock to run on.
   * @throws {TypeError} If `options` is not an object, or `options.clock`
   * is not `"real"` or `"virtual"`.
   */
  constructor(options: EventLoopOptions = {}) {
    this.#virtual = checkLoopOptions("EventLoop", options);
    this.stop = this.stop.bind(this);
    // Written a second time on purpose: V8 takes a field written only once
    // for a constant, and deoptimizes the code that relied on it when it
    // first changes (the first stop() or close(), when the loop's code has
    // long been optimized: the next loop would start on slow code).
    this.#stopping = false;
    this.#running = false;
    this.#closed = false;
    this.#resumedHandle = undefined;
    this.#timerCancelledCount = 0;
    this.#slot = this[SLOT] = new TaskSlot(() => {
      if (this.#paused !== NOT_PAUSED) this.#unpause();
    });
  }

  /**
   * The loop's monotonic clock.
   *
   * @returns The time in seconds: `performance.now()` for a real clock, or
   * the virtual time, which starts at 0.
   */
  time(): number {
    return this.#virtual ? this.#virtualNow : performance.now() / 1000;
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
   * import { EventLoop } from "@asyncio-ts/asyncio";
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
    if (typeof callback !== "function") checkCallback("callSoon", callback);
    // Read through `arguments`, not a rest parameter: up to two arguments
    // then travel inline, with no array allocated per call.
    const argc = arguments.length - 1;
    const handle = createHandle(
      callback,
      argc,
      argc > 2 ? Array.prototype.slice.call(arguments, 1) : a0,
      a1,
      this,
    );
    if (this.#debug) setSource(handle, captureSource());
    this.#ready.push(handle);
    this.#slot.activity++;
    if (this.#wake !== null) this.#notify();
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
    if (typeof callback !== "function") checkCallback("callLater", callback);
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
    if (typeof callback !== "function") checkCallback("callAt", callback);
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
    return new Future<T>({ loop: this });
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
   * @param options The task's name, and an `AbortSignal` that cancels it.
   * @returns The task.
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
    checkCoroutine("createTask", "coro", coro);
    checkOptions("createTask", "{ name, signal }", options);
    return new (Task as unknown as TrustedTask)<T>(
      coro,
      options,
      TRUSTED,
      this,
    );
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
    if (
      !(awaitable instanceof Future) && typeof awaitable !== "function" &&
      !isThenable(awaitable) && !isGenerator(awaitable)
    ) {
      throw argumentError(
        "runUntilComplete",
        "awaitable",
        "a future, a promise or an async function",
        awaitable,
      );
    }
    let future: Future<T>;
    if (awaitable instanceof Future) {
      if (awaitable.getLoop() !== this) {
        throw new Error(
          "The future belongs to a different loop than the one specified as the loop argument",
        );
      }
      future = awaitable;
    } else {
      future = new Task<T>(awaitable as Coroutine<T>, { loop: this });
    }
    future.addDoneCallback(runUntilCompleteCb);
    try {
      await this.runForever();
    } finally {
      future.removeDoneCallback(runUntilCompleteCb);
    }
    if (!future.done()) {
      throw new Error("Event loop stopped before Future completed.");
    }
    return future.result();
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
    return new Promise<void>((resolve, reject) => {
      this.#finished = (error) => {
        sweepTasks();
        this.#slot.reset();
        this.#paused = NOT_PAUSED;
        this.#stopping = false;
        this.#running = false;
        setRunningLoop(null);
        if (error === undefined) resolve();
        else reject(error);
      };
      this.#begin().then(this.#pump, this.#fail);
    });
  }

  /**
   * Code started before the loop (awaits made while it was not running)
   * registers first, as it would have in asyncio's first iteration.
   */
  async #begin(): Promise<void> {
    let quiet = 0;
    while (quiet < IDLE_TURNS) {
      const seen = this.#slot.activity;
      await undefined;
      quiet = seen === this.#slot.activity ? quiet + 1 : 0;
    }
    this.#sliceStart = performance.now();
    this.#ntodo = -1;
  }

  /**
   * The loop proper, a trampoline: it runs iterations until one has to
   * wait, arranges for what it waits on to call it again, and returns.
   */
  #pump = (): void => {
    try {
      for (;;) {
        const pause = this.#runIterations();
        if (pause === RESUMED) {
          const slot = this.#slot;
          if (slot.drain) {
            // A generator step left promise work behind (an async helper
            // it called, a promise it awaits through ensureFuture): let
            // that code run to its next await of one of our futures before
            // the next callback, with no task current, so that its awaits
            // are the following task's and nobody else's.
            slot.drain = false;
            return this.#pause(DRAINING);
          }
          if (slot.resuming) return this.#pause(RESUMING);
          this.#afterResumed();
        } else if (pause === IDLE) {
          this.#idle(this.#timeout).then(this.#pump, this.#fail);
          return;
        } else if (pause === SLICE) {
          yieldToHost().then(() => {
            this.#sliceStart = performance.now();
            this.#pump();
          }, this.#fail);
          return;
        } else return this.#finished!(undefined);
      }
    } catch (error) {
      this.#fail(error);
    }
  };

  #fail = (error: unknown): void => {
    this.#finished!(error);
  };

  /**
   * Waits while code that a callback woke runs, until it suspends: its
   * next `then()` on a pending future of ours, or its task ending, calls
   * {@linkcode EventLoop.#unpause}, which goes on in the microtask after.
   * When the code awaits something foreign instead (a fetch, a host
   * timer), no such sign comes: the microtask queue runs dry, and the one
   * host task queued here goes on. That host task is queued once and serves
   * whichever pause is open when it runs: it runs only after every
   * microtask, so any open pause has by then waited for all the code it
   * woke.
   */
  #pause(why: number): void {
    this.#paused = why;
    if (this.#hostArmed) return;
    this.#hostArmed = true;
    afterMicrotasks(this.#hostTurn);
  }

  #hostTurn = (): void => {
    this.#hostArmed = false;
    if (this.#paused !== NOT_PAUSED) this.#goOn();
  };

  /** The code a pause waits for has suspended. */
  #unpause(): void {
    RESOLVED.then(this.#goOn);
  }

  #goOn = (): void => {
    const why = this.#paused;
    if (why === NOT_PAUSED) return;
    this.#paused = NOT_PAUSED;
    try {
      const slot = this.#slot;
      if (why === DRAINING && slot.resuming) return this.#pause(RESUMING);
      // Still no suspension: the code went off to await something foreign.
      if (why === RESUMING) slot.wentAway();
      this.#afterResumed();
    } catch (error) {
      return this.#fail(error);
    }
    this.#pump();
  };

  #afterResumed(): void {
    const handle = this.#resumedHandle!;
    const t0 = this.#t0;
    this.#resumedHandle = undefined;
    if (t0 >= 0) this.#reportSlow(handle, t0);
  }

  /**
   * Stops the loop: it finishes the callbacks of its current iteration,
   * then returns from {@linkcode EventLoop.runForever} or
   * {@linkcode EventLoop.runUntilComplete}. Called before `runForever()`,
   * it makes `runForever()` run exactly one iteration.
   */
  stop(): void {
    this.#stopping = true;
    if (this.#wake !== null) this.#notify();
  }

  /**
   * Closes the loop, dropping its pending callbacks and timers. Closing a
   * closed loop does nothing.
   *
   * @throws {Error} If the loop is running.
   */
  close(): void {
    if (this.#running) throw new Error("Cannot close a running event loop");
    if (this.#closed) return;
    if (this.#debug && (this.#ready.length > 0 || this.#scheduled.size > 0)) {
      console.warn(
        `Closing ${this} with ${this.#ready.length} pending callbacks and ${this.#scheduled.size} timers`,
      );
    }
    this.#closed = true;
    this.#ready.clear();
    this.#scheduled.clear();
    this.#timerCancelledCount = 0;
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
    return this.#debug;
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
    this.#debug = Boolean(enabled);
  }

  /**
   * In debug mode, the duration in seconds above which a callback (with the
   * code it resumed) is reported as slow.
   *
   * @default {0.1}
   */
  get slowCallbackDuration(): number {
    return this.#slowCallbackDuration;
  }

  set slowCallbackDuration(seconds: number) {
    if (typeof seconds !== "number" || !(seconds >= 0)) {
      const message =
        `slowCallbackDuration expected a number of seconds >= 0, got ${
          describe(seconds)
        }`;
      throw typeof seconds === "number"
        ? new RangeError(message)
        : new TypeError(message);
    }
    this.#slowCallbackDuration = seconds;
  }

  /**
   * Sets the handler for exceptions that reach the loop, such as a callback
   * that throws. `null` restores the default.
   *
   * @param handler Called as `handler(loop, context)`, or `null`.
   * @throws {TypeError} If `handler` is neither a function nor `null`.
   */
  setExceptionHandler(handler: ExceptionHandler | null): void {
    if (handler !== null && typeof handler !== "function") {
      throw argumentError(
        "setExceptionHandler",
        "handler",
        "a function or null",
        handler,
      );
    }
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
    const handler = this.#exceptionHandler;
    if (handler === null) {
      try {
        this.defaultExceptionHandler(context);
      } catch (error) {
        logLastResort("Exception in default exception handler", error);
      }
      return;
    }
    try {
      handler(this, context);
    } catch (exception) {
      try {
        this.defaultExceptionHandler({
          message: "Unhandled error in exception handler",
          exception,
          context,
        });
      } catch (error) {
        logLastResort(
          "Exception in default exception handler while handling an unexpected error in custom exception handler",
          error,
        );
      }
    }
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
    const lines = [context?.message || "Unhandled exception in event loop"];
    for (const key of Object.keys(context ?? {}).sort()) {
      if (key === "message" || key === "exception") continue;
      if (key === "sourceTraceback") {
        lines.push(
          `Object created at (most recent call first):\n${context[key]}`,
        );
      } else lines.push(`${key}: ${repr(context[key])}`);
    }
    const exception = context?.exception;
    if (exception !== undefined) {
      const stack = exception instanceof Error && exception.stack
        ? exception.stack
        : repr(exception);
      lines.push(stack);
    }
    console.error(lines.join("\n"));
  }

  /**
   * Formats the loop, such as `<EventLoop running=false closed=false>`.
   *
   * @returns The formatted loop.
   */
  toString(): string {
    return `<EventLoop running=${this.#running} closed=${this.#closed}${
      this.#virtual ? " clock=virtual" : ""
    }>`;
  }

  #callAt(
    when: number,
    callback: AnyFunction,
    argc: number,
    a0: unknown,
    a1: unknown,
  ): TimerHandle {
    const timer = createTimer(when, callback, argc, a0, a1, this);
    if (this.#debug) setSource(timer, captureSource());
    setSlot(timer, this.#scheduled.push(timer, when, this.#timerSeq++));
    this.#slot.activity++;
    if (this.#wake !== null) this.#notify();
    return timer;
  }

  /**
   * Runs iterations of the loop back to back (CPython's `_run_once`), as
   * long as none needs to await: returns why it stopped.
   */
  #runIterations(): number {
    const ready = this.#ready;
    const slot = this.#slot;
    const scheduled = this.#scheduled;
    let ntodo = this.#ntodo;
    this.#ntodo = -1;
    for (;;) {
      if (ntodo < 0) {
        if (this.#timerCancelledCount !== 0) this.#dropCancelledTimers();
        if (ready.length === 0 && !this.#stopping) {
          const timeout = scheduled.peekWhen() - this.time();
          if (timeout > 0) {
            this.#timeout = timeout;
            return IDLE;
          }
        }
        if (scheduled.size !== 0) this.#readyDueTimers();
        // Only the callbacks ready now run in this iteration: those that
        // they schedule run in the next one.
        ntodo = ready.length;
      }
      // This is the only place where callbacks are actually *called*. All
      // other places just add them to ready.
      while (ntodo > 0) {
        ntodo--;
        const handle = ready.shift()!;
        let t0 = -1;
        if (this.#debug) {
          if (handle.cancelled()) continue;
          t0 = performance.now();
        }
        // A cancelled handle's run() returns at once.
        runHandle(handle);
        if (slot.resuming || slot.drain) {
          this.#ntodo = ntodo;
          this.#resumedHandle = handle;
          this.#t0 = t0;
          return RESUMED;
        }
        if (t0 >= 0) this.#reportSlow(handle, t0);
      }
      ntodo = -1;
      if (this.#stopping) return STOPPED;
      // Reading the clock costs as much as a short iteration: look at it
      // every 1024 iterations only.
      if (
        (++this.#iterations & 1023) === 0 &&
        performance.now() - this.#sliceStart > HOST_SLICE_MS
      ) return SLICE;
    }
  }

  #reportSlow(handle: Handle, t0: number): void {
    const seconds = (performance.now() - t0) / 1000;
    if (seconds >= this.#slowCallbackDuration) {
      console.warn(`Executing ${handle} took ${seconds.toFixed(3)} seconds`);
    }
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  /** Removes cancelled timers: all of them if they dominate, else the head. */
  #dropCancelledTimers(): void {
    const scheduled = this.#scheduled;
    if (
      scheduled.size > MIN_SCHEDULED_TIMER_HANDLES &&
      this.#timerCancelledCount * 2 > scheduled.size
    ) {
      scheduled.dropDead();
      this.#timerCancelledCount = 0;
      return;
    }
    while (scheduled.peekDead()) {
      this.#timerCancelledCount--;
      scheduled.pop();
    }
  }

  /**
   * Moves the timers that are due to the ready queue. Cancelled ones leave
   * the heap without being read: at a million timers, touching each handle
   * costs a cache miss.
   */
  #readyDueTimers(): void {
    const scheduled = this.#scheduled;
    const now = this.time();
    if (scheduled.peekWhen() > now) return;
    this.#timerCancelledCount -= scheduled.popDue(now, this.#ready);
  }

  /** Waits until something is ready, a timer is due, or the loop stops. */
  async #idle(timeout: number): Promise<void> {
    sweepTasks();
    // Let microtasks run first: code finishing its turn, or promises from
    // outside, may schedule callbacks without any host round trip.
    for (let turn = 0; turn < IDLE_TURNS; turn++) {
      await undefined;
      if (this.#ready.length > 0 || this.#stopping) return;
    }
    if (this.#virtual) {
      if (Number.isFinite(timeout)) {
        this.#virtualNow = Math.max(
          this.#virtualNow,
          this.#scheduled.peekWhen(),
        );
        return;
      }
      timeout = Infinity;
    }
    await new Promise<void>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      if (Number.isFinite(timeout)) {
        const ms = Math.ceil(Math.min(timeout, MAXIMUM_SELECT_TIMEOUT) * 1000);
        timer = setTimeout(() => {
          this.#wake = null;
          resolve();
        }, ms);
      }
      this.#wake = () => {
        if (timer !== undefined) clearTimeout(timer);
        resolve();
      };
    });
    this.#sliceStart = performance.now();
  }

  #checkClosed(): void {
    if (this.#closed) throw new Error("Event loop is closed");
  }

  #checkRunning(): void {
    if (this.#running) {
      throw new Error("This event loop is already running");
    }
    if (runningLoop() !== null) {
      throw new Error(
        "Cannot run the event loop while another loop is running",
      );
    }
  }
}

/**
 * Returns the running loop if there is one; otherwise the current loop,
 * created on first use.
 *
 * @returns The loop.
 * @throws {Error} If {@linkcode setEventLoop} set no loop (`null`).
 *
 * @example Usage
 * ```ts
 * import { getEventLoop } from "@asyncio-ts/asyncio";
 * import assert from "node:assert/strict";
 *
 * assert.equal(getEventLoop(), getEventLoop());
 * ```
 */
export function getEventLoop(): EventLoop {
  return currentLoop();
}

setLoopFactory(() => new EventLoop());

/**
 * Sets the current loop, which {@linkcode getEventLoop} returns when no loop
 * is running. After `setEventLoop(null)`, `getEventLoop()` throws.
 *
 * @param loop The loop, or `null` for none.
 * @throws {TypeError} If `loop` is neither an event loop nor `null`.
 */
export function setEventLoop(loop: EventLoop | null): void {
  if (loop !== null && !(loop instanceof EventLoop)) {
    throw argumentError("setEventLoop", "loop", "an EventLoop or null", loop);
  }
  setCurrentLoop(loop);
}

/**
 * Creates a new event loop, as `new EventLoop(options)` does.
 *
 * @param options The clock to run on.
 * @returns The loop.
 * @throws {TypeError} If `options` is not an object, or `options.clock` is
 * not `"real"` or `"virtual"`.
 */
export function newEventLoop(options: EventLoopOptions = {}): EventLoop {
  checkLoopOptions("newEventLoop", options);
  return new EventLoop(options);
}

/**
 * Returns the running loop.
 *
 * @returns The loop whose `runForever` or `runUntilComplete` is underway.
 * @throws {Error} If no loop is running.
 */
export function getRunningLoop(): EventLoop {
  const loop = runningLoop();
  if (loop === null) throw new Error("no running event loop");
  return loop;
}
