/**
 * {@linkcode Handle} and {@linkcode TimerHandle}: a callback scheduled on an
 * event loop, as returned by `callSoon`, `callLater` and `callAt`. A port of
 * the handle classes in CPython's `Lib/asyncio/events.py`.
 *
 * @module
 */

import type { Source } from "./_debug.ts";
import { type AbstractEventLoop, RUN, TIMER_CANCELLED } from "./_runtime.ts";
import { type AnyFunction, formatCallback } from "./partial.ts";
import { inspectAsString, shortRepr } from "./repr.ts";
import {
  argumentError,
  checkFunction,
  checkLoop,
  checkTime,
  isLoop,
} from "./_validate.ts";

// The values of a handle's argument fields for "no argument" and "the
// arguments are the array in the first field".
const NO_ARG = Symbol("no argument");
const MANY_ARGS = Symbol("more than two arguments");
// The key of the method that puts the arguments of a handle the loop makes
// in its fields (this module's own).
const SET_ARGS: unique symbol = Symbol("setArgs");
const NO_ARGS: unknown[] = [];

/**
 * The key of the library's own part of a timer (not exported from mod.ts):
 * `timer[HEAP_SLOT]` is the timer's place in its loop's heap;
 * `handle[RUN]()` runs the callback for the loop.
 */
export { RUN };
/** See above. */
export const HEAP_SLOT: unique symbol = Symbol("heapSlot");

/**
 * `call(f, thisArg, ...args)` is `f.call(thisArg, ...args)`, with the real
 * `Function.prototype.call` (bound here, so later changes to it do not
 * matter). The loop calls callbacks through it rather than as `f(...args)`:
 * V8 specializes a direct call to the callbacks it has seen and inlines
 * them into the loop, so that every new callback function (a new closure:
 * each task, each loop, each run) threw the loop's optimized code away, and
 * the loop ran slow until it was optimized again. Through `call` the loop's
 * code stays valid whatever it calls; each callback is optimized on its own.
 */
const call = Function.prototype.call.bind(Function.prototype.call) as (
  callback: AnyFunction,
  thisArg: undefined,
  ...args: unknown[]
) => unknown;

/**
 * Where debug-mode handles were created. Kept beside the handles rather than
 * in them: every handle would pay a field for what debug mode alone uses.
 */
const sources = new WeakMap<Handle, Source>();

/**
 * A handle the loop makes, with its arguments inline: `a0` and `a1` are the
 * first two when `argc <= 2`, else `a0` is the array of all.
 */
export function makeHandle(
  callback: AnyFunction,
  argc: number,
  a0: unknown,
  a1: unknown,
  loop: AbstractEventLoop,
): Handle {
  const handle = new Handle(callback, NO_ARGS, loop);
  if (argc !== 0) handle[SET_ARGS](argc, a0, a1);
  return handle;
}

/** A timer handle the loop makes, with its arguments inline. */
export function makeTimer(
  when: number,
  callback: AnyFunction,
  argc: number,
  a0: unknown,
  a1: unknown,
  loop: AbstractEventLoop,
): TimerHandle {
  const timer = new TimerHandle(when, callback, NO_ARGS, loop);
  if (argc !== 0) timer[SET_ARGS](argc, a0, a1);
  return timer;
}

/** Records where the handle was created (debug mode). */
export function recordSource(handle: Handle, source: Source): void {
  sources.set(handle, source);
}

/**
 * A callback scheduled with {@linkcode EventLoop.callSoon}, which
 * {@linkcode Handle.cancel} keeps from running.
 *
 * @example Usage
 * ```ts
 * import { EventLoop } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop();
 * const calls: string[] = [];
 * const handle = loop.callSoon(() => calls.push("never"));
 * handle.cancel();
 * loop.callSoon(() => loop.stop());
 * await loop.runForever();
 * assert.deepEqual(calls, []);
 * assert.equal(handle.cancelled(), true);
 * loop.close();
 * ```
 */
export class Handle {
  // Four fields, because a pending handle is the loop's unit of memory: a
  // million of them is a million allocations for the garbage collector.
  /** The callback; `undefined` once cancelled (asyncio drops it too). */
  #callback: AnyFunction | undefined;
  // Up to two arguments are kept inline, so that the common calls need no
  // array: `callSoon(f)`, `callSoon(f, future)` (done callbacks). An absent
  // one is NO_ARG; with more than two, `#a0` holds the array of them all and
  // `#a1` is MANY_ARGS.
  #a0: unknown;
  #a1: unknown;
  #loop: AbstractEventLoop;

  /**
   * Creates a handle. Loops make handles; user code does not need to.
   *
   * @param callback The function to call.
   * @param args The arguments to call it with.
   * @param loop The loop that runs it.
   * @throws {TypeError} If `callback` is not a function, `args` not an
   * array, or `loop` not an event loop.
   */
  constructor(
    callback: AnyFunction,
    args: unknown[],
    loop: AbstractEventLoop,
  ) {
    // Cheap checks first; the class name is looked up only for the message.
    if (typeof callback !== "function") {
      checkFunction(new.target.name, "callback", callback);
    }
    if (!Array.isArray(args)) {
      throw argumentError(new.target.name, "args", "an array", args);
    }
    if (!isLoop(loop)) checkLoop(new.target.name, "loop", loop);
    this.#callback = callback;
    this.#a0 = NO_ARG;
    this.#a1 = NO_ARG;
    this.#loop = loop;
    const argc = args.length;
    if (argc !== 0) {
      this[SET_ARGS](argc, argc > 2 ? args.slice() : args[0], args[1]);
    }
  }

  /** @ignore Puts the arguments in the handle's fields. */
  [SET_ARGS](argc: number, a0: unknown, a1: unknown): void {
    this.#a0 = a0;
    this.#a1 = argc === 1 ? NO_ARG : argc === 2 ? a1 : MANY_ARGS;
  }

  /**
   * Cancels the callback. If it has already run or been cancelled, this does
   * nothing.
   */
  cancel(): void {
    this.#callback = undefined;
    this.#a0 = this.#a1 = NO_ARG;
  }

  /**
   * Whether the callback was cancelled.
   *
   * @returns `true` once {@linkcode Handle.cancel} was called.
   */
  cancelled(): boolean {
    return this.#callback === undefined;
  }

  /**
   * The loop that the handle is scheduled on.
   *
   * @returns The loop.
   */
  getLoop(): AbstractEventLoop {
    return this.#loop;
  }

  /**
   * Formats the handle as asyncio's `repr()` does, for example
   * `<Handle markDone(<Future pending>, 'the result')>`.
   *
   * @returns The formatted handle.
   */
  toString(): string {
    return `<${this.#info().join(" ")}>`;
  }

  /** The parts of the repr, as CPython's `Handle._repr_info()`. */
  #info(): string[] {
    const info = [this.constructor.name];
    if (this.#callback === undefined) info.push("cancelled");
    if (this instanceof TimerHandle) info.push(`when=${this.when()}`);
    if (this.#callback !== undefined) info.push(this.#describe());
    const location = sources.get(this)?.location;
    if (location !== undefined) info.push(`created at ${location}`);
    return info;
  }

  #describe(): string {
    const callback = this.#callback;
    if (callback === undefined) return "<cancelled>";
    const a0 = this.#a0, a1 = this.#a1;
    const args = a1 === MANY_ARGS
      ? a0 as unknown[]
      : a1 !== NO_ARG
      ? [a0, a1]
      : a0 !== NO_ARG
      ? [a0]
      : [];
    return `${formatCallback(callback, shortRepr)}(${
      args.map(shortRepr).join(", ")
    })`;
  }

  /**
   * @ignore Runs the callback, sending an exception to the loop's handler;
   * does nothing if the handle was cancelled.
   */
  [RUN](): void {
    const callback = this.#callback;
    if (callback === undefined) return; // cancelled
    let result: unknown;
    try {
      const a0 = this.#a0, a1 = this.#a1;
      if (a1 === NO_ARG) {
        result = a0 === NO_ARG
          ? call(callback, undefined)
          : call(callback, undefined, a0);
      } else if (a1 !== MANY_ARGS) {
        result = call(callback, undefined, a0, a1);
      } else result = call(callback, undefined, ...a0 as unknown[]);
    } catch (exception) {
      this.#report(exception);
      return;
    }
    // An async callback's exception arrives as a rejection: it goes to the
    // exception handler too, never to the host as an unhandled rejection.
    if (result instanceof Promise) {
      result.then(undefined, (exception) => this.#report(exception));
    }
  }

  #report(exception: unknown): void {
    const source = sources.get(this);
    this.#loop.callExceptionHandler({
      message: `Exception in callback ${this.#describe()}`,
      exception,
      handle: this,
      ...(source && { sourceTraceback: source.stack }),
    });
  }
}

/**
 * A callback scheduled for a time, with {@linkcode EventLoop.callLater} or
 * {@linkcode EventLoop.callAt}.
 *
 * @example Usage
 * ```ts
 * import { EventLoop } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const timer = loop.callLater(5, () => loop.stop());
 * assert.equal(timer.when(), 5);
 * await loop.runForever();
 * assert.equal(loop.time(), 5);
 * loop.close();
 * ```
 */
export class TimerHandle extends Handle {
  #when: number;
  /**
   * @ignore Its slot in the loop's heap, which the heap writes (and knows if
   * the timer is still there).
   */
  [HEAP_SLOT] = -1;

  /**
   * Creates a timer handle. Loops make handles; user code does not need to.
   *
   * @param when The loop time at which to run, in seconds.
   * @param callback The function to call.
   * @param args The arguments to call it with.
   * @param loop The loop that runs it.
   * @throws {TypeError} If `when` is not a number, `callback` not a
   * function, `args` not an array, or `loop` not an event loop.
   * @throws {RangeError} If `when` is `NaN`.
   */
  constructor(
    when: number,
    callback: AnyFunction,
    args: unknown[],
    loop: AbstractEventLoop,
  ) {
    if (typeof when !== "number" || Number.isNaN(when)) {
      checkTime(new.target.name, "when", when);
    }
    super(callback, args, loop);
    this.#when = when;
  }

  /**
   * The loop time at which the callback is scheduled to run.
   *
   * @returns The time, in seconds on the loop's clock ({@linkcode EventLoop.time}).
   */
  when(): number {
    return this.#when;
  }

  /**
   * Cancels the timer. If it has already run or been cancelled, this does
   * nothing.
   */
  override cancel(): void {
    if (!this.cancelled() && this[HEAP_SLOT] >= 0) {
      this.getLoop()[TIMER_CANCELLED](this);
    }
    super.cancel();
  }
}

inspectAsString(Handle.prototype);
