/**
 * {@linkcode Task}, a future that runs a coroutine (a generator stepped by the
 * loop, or an `async` function) on an event loop, with
 * {@linkcode currentTask} and {@linkcode allTasks}. A port of CPython's
 * `Lib/asyncio/tasks.py`.
 *
 * @module
 */

import { CancelledError } from "./errors.ts";
import { ADD_WAITER, CANCEL_WITH, Future } from "./future.ts";
import { futureOptionsOf } from "./_future_options.ts";
import { carriedStore, runAsTask } from "./_host_context.ts";
import {
  AWAITING,
  currentLoop,
  isFollower,
  retireTask,
  slotOf,
  TaskRef,
  trackTask,
  WAKEUP,
  WEAK_REF,
  WOKEN,
} from "./_runtime.ts";
import { repr } from "./repr.ts";
import { abortMessage, RareParts } from "./_task_parts.ts";
import { canStartEagerly, checkEagerStart, startEagerly } from "./_eager.ts";
import { awaited, resume } from "./_generator.ts";
import type {
  Coroutine,
  GeneratorCoroutine,
  TaskOptions,
} from "./_coroutines.ts";
import { noteGeneratorFunction } from "./_coroutines.ts";
import * as stack from "./_stack.ts";
import {
  argumentError,
  checkCoroutine,
  checkLoop,
  checkOptions,
  isGenerator,
  isThenable,
  TASK_OPTIONS,
} from "./_validate.ts";

export type {
  Coroutine,
  GeneratorCoroutine,
  TaskOptions,
} from "./_coroutines.ts";

let taskCounter = 0;

/** The key of a task's check for an undelivered cancellation (timeout.ts). */
export const UNDELIVERED: unique symbol = Symbol("undelivered");

// The keys of the task's methods that this module's functions call: they
// are not exported, so only this module can.
const START: unique symbol = Symbol("start");
const STEP: unique symbol = Symbol("step");

/** What the promise a task follows calls, bound to the task or not. */
let followedResult: (this: Task<unknown>, value: unknown) => void;
let followedError: (this: Task<unknown>, error: unknown) => void;
let carriedResult: (value: unknown) => void;
let carriedError: (error: unknown) => void;
/** A task's first step proper, in the task's context. */
let begin: (task: Task<unknown>, coro: () => unknown) => void;

/** A task's first step (CPython's `Task.__step`): start its function. */
function step(task: Task<unknown>): void {
  task[START]();
}

/** A generator task's next step, after a bare `yield` or with an error. */
function stepAgain(task: Task<unknown>, error?: Error): void {
  task[STEP](error !== undefined, error);
}

/**
 * A future that runs a coroutine on an event loop, and is done when it
 * returns or throws: a generator coroutine, which the task steps itself as
 * asyncio's `Task.__step` does (`yield* future` suspends it), or an `async`
 * function, whose promise it follows.
 *
 * An important invariant while a task is not done: it is scheduled to
 * start, or its code runs inside a loop callback, or it is suspended on one
 * of this library's futures (its `#futWaiter`), or it awaits something
 * foreign. {@linkcode Task.cancel} cancels the future it waits on, so the
 * `await` in the task's code throws {@linkcode CancelledError}; if that
 * propagates, the task ends cancelled, and if the code catches it, the task
 * goes on.
 *
 * Differences from asyncio: a function is called on the task's first step,
 * one loop iteration after the task is created, as asyncio starts a
 * coroutine; a promise is work that is already running, which the task
 * follows. Code awaiting a foreign promise (a `fetch`) receives the
 * cancellation at its next await of one of this library's futures, or at
 * once through {@linkcode Task.signal}.
 *
 * @typeParam T The type of the result.
 *
 * @example Usage
 * ```ts
 * import { EventLoop } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop();
 * const task = loop.createTask(async () => {
 *   const future = loop.createFuture<number>();
 *   loop.callSoon(() => future.setResult(21));
 *   return 2 * await future;
 * });
 * assert.equal(await loop.runUntilComplete(task), 42);
 * loop.close();
 * ```
 */
export class Task<T> extends Future<T> {
  /**
   * What the task runs: the function to call on the first step, the
   * generator a generator task steps, or the promise it follows.
   */
  #coro: GeneratorCoroutine<T> | Coroutine<T>;
  /** The name, or the `N` of the default name `Task-N`. */
  #name: string | number;
  #futWaiter: Future<unknown> | undefined;
  /** Its weak reference, made on first use; its registry entry once swept. */
  #ref: TaskRef | undefined;
  /** What few tasks need (cancellation, an `AbortSignal`), in one object. */
  #rare: RareParts | undefined;

  static {
    followedResult = function (value) {
      this.#finish(value);
    };
    followedError = function (error) {
      this.#fail(error);
    };
    carriedResult = (value) => (carriedStore() as Task<unknown>).#finish(value);
    carriedError = (error) => (carriedStore() as Task<unknown>).#fail(error);
    begin = (task, coro) => task.#begin(coro);
  }

  /**
   * Creates a task and schedules its first step.
   *
   * @param coro A generator coroutine (a generator function or a generator
   * not started yet) that the loop steps; or an `async` function to call on
   * the first step; or a promise of work that is already running.
   * @param options The task's name, loop, and an `AbortSignal` that cancels
   * it.
   * @throws {TypeError} If `coro` is neither a function, a generator nor a
   * thenable,
   * `options` is not an object, `options.loop` is not an event loop, or
   * `options.signal` is not an `AbortSignal`.
   */
  constructor(coro: GeneratorCoroutine<T>, options?: TaskOptions);
  /**
   * Creates a task and schedules its first step.
   *
   * @param coro An `async` function to call on the first step, or a promise
   * of work that is already running.
   * @param options The task's name, loop, and an `AbortSignal` that cancels
   * it.
   */
  constructor(coro: Coroutine<T>, options?: TaskOptions);
  constructor(
    coro: Coroutine<T> | GeneratorCoroutine<T>,
    options: TaskOptions = {},
  ) {
    checkCoroutine("Task", "coro", coro);
    checkOptions("Task", TASK_OPTIONS, options);
    if (options?.loop !== undefined) {
      checkLoop("Task", "options.loop", options.loop);
    }
    const signal = options?.signal;
    if (
      signal !== undefined &&
      (typeof signal !== "object" || signal === null ||
        typeof signal.addEventListener !== "function")
    ) {
      throw argumentError("Task", "options.signal", "an AbortSignal", signal);
    }
    checkEagerStart("Task", options.eagerStart);
    super(futureOptionsOf(options.loop ?? currentLoop()));
    this.#name = options?.name === undefined
      ? ++taskCounter
      : String(options.name);
    const loop = this.getLoop();
    trackTask(this as Task<unknown>, options?.context);
    this.#coro = coro;
    const starts = typeof coro === "function" || isGenerator(coro);
    if (!starts) {
      slotOf(loop).follow(this as Task<unknown>);
      this.#follow(coro);
    }
    if (signal !== undefined) {
      if (signal.aborted) this.cancel(abortMessage(signal.reason));
      else {
        const onAbort = () => this.cancel(abortMessage(signal.reason));
        signal.addEventListener("abort", onAbort, { once: true });
        (this.#rare ??= new RareParts()).unlisten = () =>
          signal.removeEventListener("abort", onAbort);
      }
    }
    if (!starts) return;
    if (options.eagerStart && canStartEagerly(loop, coro)) {
      startEagerly(this as Task<unknown>, step);
    } else loop.callSoon(step, this as Task<unknown>);
  }

  /**
   * The task's name.
   *
   * @returns The name given in the options, or `Task-N`.
   */
  getName(): string {
    const name = this.#name;
    return typeof name === "number" ? `Task-${name}` : name;
  }

  /**
   * Renames the task.
   *
   * @param value The new name; non-strings are converted with `String()`.
   */
  setName(value: unknown): void {
    this.#name = String(value);
    if (this.#ref !== undefined) this.#ref.name = this.#name;
  }

  /**
   * What the task runs (asyncio's `get_coro()`).
   *
   * @returns A generator task's generator (what it was given, before its
   * first step), an `async` task's function, or the promise it follows.
   */
  getCoro(): GeneratorCoroutine<T> | Coroutine<T> {
    return this.#coro;
  }

  /**
   * The task's frames, oldest first, as asyncio's `get_stack()`.
   *
   * @param options The most frames to return.
   * @returns The frames; none for a task that finished without error.
   */
  getStack(options: stack.StackOptions = {}): stack.StackFrame[] {
    return stack.taskStack(this as Task<unknown>, options);
  }

  /**
   * Prints the task's frames as asyncio's `print_stack()`.
   *
   * @param options The most frames, and what prints the text.
   */
  printStack(options: stack.PrintStackOptions = {}): void {
    stack.printTaskStack(this as Task<unknown>, options);
  }

  /** @ignore The future the task waits on. */
  [stack.WAITING_ON](): Future<unknown> | undefined {
    return this.#futWaiter;
  }

  /**
   * An `AbortSignal` that aborts when the task is cancelled, with a
   * {@linkcode CancelledError} as its reason, so foreign work such as
   * `fetch(url, { signal: task.signal })` stops with the task.
   *
   * @returns The signal.
   */
  get signal(): AbortSignal {
    const rare = this.#rare ??= new RareParts();
    if (rare.controller === undefined) {
      rare.controller = new AbortController();
      if (rare.cancelRequests > 0 || this.cancelled()) {
        rare.controller.abort(new CancelledError(rare.cancelMessage));
      }
    }
    return rare.controller.signal;
  }

  /**
   * Requests that the task be cancelled.
   *
   * The task's code receives {@linkcode CancelledError} at the `await` of
   * this library's future it is suspended on (or at its next one, if it is
   * running or awaiting something foreign), and {@linkcode Task.signal}
   * aborts. If the code lets the error propagate, the task ends cancelled;
   * if it catches it, the task goes on.
   *
   * @param msg The message of the `CancelledError`.
   * @returns `false` if the task is already done, otherwise `true`.
   */
  override cancel(msg?: string): boolean {
    if (this.done()) return false;
    const rare = this.#rare ??= new RareParts();
    rare.cancelRequests++;
    const controller = rare.controller;
    if (controller !== undefined && !controller.signal.aborted) {
      controller.abort(new CancelledError(msg));
    }
    const slot = slotOf(this.getLoop());
    if (
      this.#futWaiter !== undefined &&
      !slot.runsInline(this as Task<unknown>, this.#futWaiter) &&
      this.#futWaiter.cancel(msg)
    ) {
      // Leave #futWaiter: it may be a task that catches and ignores the
      // cancellation, which may have to be cancelled again later.
      return true;
    }
    if (isFollower(this as Task<unknown>) && slot.current() !== this) {
      // The promise's code is not running, nor suspended on one of our
      // futures (that would be #futWaiter): it waits on foreign work, which
      // cannot be stopped. The task stops following it, as asyncio's future
      // wrapping foreign work is cancelled at once; the promise's outcome
      // goes unobserved (its rejection is handled).
      this.#done();
      super.cancel(msg);
      return true;
    }
    // The code is running, scheduled to start, or away: it gets the error
    // at its next await of one of our futures.
    rare.mustCancel = true;
    rare.cancelMessage = msg;
    return true;
  }

  /**
   * The number of pending cancellation requests: calls to
   * {@linkcode Task.cancel} less calls to {@linkcode Task.uncancel}.
   *
   * @returns The count.
   */
  cancelling(): number {
    return this.#rare?.cancelRequests ?? 0;
  }

  /**
   * Decrements the count of cancellation requests, as code that handled a
   * cancellation (such as a timeout) does.
   *
   * @returns The remaining count.
   */
  uncancel(): number {
    const rare = this.#rare;
    if (rare === undefined || rare.cancelRequests === 0) return 0;
    if (--rare.cancelRequests > 0) return rare.cancelRequests;
    // Every request was handled (as asyncio 3.13): none is left for the
    // next await, and the signal that the requests aborted is replaced by
    // a fresh one at its next read.
    rare.mustCancel = false;
    if (rare.controller?.signal.aborted) rare.controller = undefined;
    return 0;
  }

  /**
   * @ignore Whether a cancellation is still to be delivered to the task's
   * code at its next await: the code has not reached one since (it was
   * away on foreign work).
   */
  [UNDELIVERED](): boolean {
    return this.#rare?.mustCancel === true;
  }

  /**
   * Not supported on a task: its result comes from its code.
   *
   * @param _value Ignored.
   * @throws {Error} Always.
   */
  override setResult(_value: T): never {
    throw new Error("Task does not support set_result operation");
  }

  /**
   * Not supported on a task: its exception comes from its code.
   *
   * @param _error Ignored.
   * @throws {Error} Always.
   */
  override setException(_error: unknown): never {
    throw new Error("Task does not support set_exception operation");
  }

  /**
   * The parts of {@linkcode Task.toString}, such as
   * `["pending", "name='Task-1'"]`.
   *
   * @returns The parts, as CPython's `_task_repr_info()`.
   */
  protected override reprInfo(): string[] {
    const info = super.reprInfo();
    // As Python 3.11: pending cancel requests show, and wait_for comes
    // right after the name (where asyncio has the coroutine), before cb.
    if (this.cancelling() > 0 && !this.done()) info[0] = "cancelling";
    info.splice(1, 0, `name=${repr(this.getName())}`);
    if (this.#futWaiter !== undefined && !this.done()) {
      info.splice(2, 0, `wait_for=${String(this.#futWaiter)}`);
    }
    return info;
  }

  /** @ignore The task's one weak reference. */
  [WEAK_REF](): TaskRef {
    return this.#ref ??= new TaskRef(this, this.getLoop(), this.#name);
  }

  /** @ignore The task's code now awaits `future`. */
  [AWAITING](future: Future<unknown>): void {
    this.#futWaiter = future;
    const rare = this.#rare;
    if (rare?.mustCancel && future.cancel(rare.cancelMessage)) {
      rare.mustCancel = false;
    }
  }

  /**
   * @ignore The future the task awaited is done and its code resumes:
   * returns the `CancelledError` to throw there instead if a cancellation
   * is pending.
   */
  [WOKEN](future: Future<unknown>): Error | undefined {
    // Only the task's own waiter stops being awaited: code of the task may
    // await several futures at once (an async helper it called directly),
    // and a helper waking must not hide the task's waiter from a later
    // cancel().
    if (this.#futWaiter !== future) return undefined;
    this.#futWaiter = undefined;
    const rare = this.#rare;
    if (rare === undefined || !rare.mustCancel) return undefined;
    rare.mustCancel = false;
    // The future was cancelled already (by the first of several requests):
    // its own CancelledError goes in, with the first message, as asyncio's
    // `__step` keeps a CancelledError it is given.
    if (future.cancelled()) return undefined;
    return new CancelledError(rare.cancelMessage);
  }

  /**
   * @ignore A generator task's wakeup, CPython's `__wakeup`: it reads the
   * result of the future it waited on and resumes the generator with it,
   * or throws the future's exception into it.
   */
  [WAKEUP](future: Future<unknown>): void {
    let result: unknown;
    try {
      result = future.result();
    } catch (error) {
      this[STEP](true, error);
      return;
    }
    this[STEP](false, result);
  }

  /** @ignore The task's first step. */
  [START](): void {
    const coro = this.#coro;
    if (typeof coro !== "function") {
      this[STEP](false, undefined);
      return;
    }
    const rare = this.#rare;
    if (rare?.mustCancel) {
      // Cancelled before it started: the function never runs. asyncio
      // throws the CancelledError into the coroutine, which lets it out at
      // once: it is saved as if the code had let it propagate.
      rare.mustCancel = false;
      this.#done();
      this[CANCEL_WITH](new CancelledError(rare.cancelMessage));
      return;
    }
    slotOf(this.getLoop()).resumed(this as Task<unknown>);
    // Its code, and the then() that follows its promise, carry the task.
    runAsTask(this as Task<unknown>, begin, coro);
  }

  #begin(coro: () => unknown): void {
    let result: unknown;
    try {
      result = coro();
    } catch (error) {
      this.#fail(error);
      return;
    }
    if (isThenable(result)) this.#follow(result as PromiseLike<T>);
    else if (isGenerator(result)) {
      // A generator function: nothing of it ran yet; step it from here.
      slotOf(this.getLoop()).notResumed();
      noteGeneratorFunction(result as object, coro);
      this.#coro = result as Generator<unknown, T, unknown>;
      this[STEP](false, undefined);
    } else this.#finish(result as T);
  }

  /**
   * @ignore One step of a generator task, CPython's `Task.__step`: resume
   * the generator, with `value` (the result of the future it waited on) or
   * by throwing `value` into it, then act on what it yields.
   */
  [STEP](thrown: boolean, value: unknown): void {
    if (this.done()) return;
    const waiter = this.#futWaiter;
    this.#futWaiter = undefined;
    const rare = this.#rare;
    if (rare?.mustCancel) {
      rare.mustCancel = false;
      if (!(thrown && value instanceof CancelledError)) {
        thrown = true;
        value = new CancelledError(rare.cancelMessage);
      }
    }
    const loop = this.getLoop();
    let next: IteratorResult<unknown, T>;
    const slot = slotOf(loop);
    slot.enterStep(this as Task<unknown>);
    try {
      // The iterator of `yield* future` takes the result only from a task.
      const gen = this.#coro as Generator<unknown, T, unknown>;
      next = resume(gen, thrown, value, waiter !== undefined);
    } catch (error) {
      slot.leaveStep();
      this.#fail(error);
      return;
    }
    slot.leaveStep();
    if (next.done) {
      this.#finish(next.value);
      return;
    }
    const wanted = awaited(next.value, loop, this as Task<unknown>);
    if (wanted instanceof Future) {
      wanted[ADD_WAITER](this);
      this[AWAITING](wanted);
    } else if (wanted === undefined) {
      // A bare `yield`: asyncio's `sleep(0)`, one iteration.
      loop.callSoon(stepAgain, this as Task<unknown>);
    } else loop.callSoon(stepAgain, this as Task<unknown>, wanted);
  }

  #follow(promise: PromiseLike<T>): void {
    // A native promise's reactions run in the async context of the then()
    // call: when that is this task's, it names the task (~100 B less).
    const native = Object.getPrototypeOf(promise) === Promise.prototype;
    if (native && carriedStore() === this) {
      return void promise.then(carriedResult, carriedError);
    }
    // Bound to the task: two bound functions take less memory than two
    // closures and the context they share, for as long as the task runs.
    promise.then(
      followedResult.bind(this as Task<unknown>),
      followedError.bind(this as Task<unknown>),
    );
  }

  #finish(value: T): void {
    if (this.done()) return;
    this.#done();
    const rare = this.#rare;
    if (rare?.mustCancel) {
      // Cancelled right before the code finished.
      rare.mustCancel = false;
      super.cancel(rare.cancelMessage);
    } else super.setResult(value);
  }

  #fail(error: unknown): void {
    if (this.done()) return;
    this.#done();
    if (error instanceof CancelledError) {
      this[CANCEL_WITH](error);
    } else super.setException(error);
  }

  #done(): void {
    this.#futWaiter = undefined;
    // The reference stays: the loop's record of tasks away finds the task
    // by it until it has seen the end.
    if (this.#ref !== undefined) retireTask(this.#ref);
    const rare = this.#rare;
    if (rare !== undefined) {
      rare.unlisten?.();
      rare.unlisten = undefined;
    }
    slotOf(this.getLoop()).taskDone(this as Task<unknown>);
  }
}
