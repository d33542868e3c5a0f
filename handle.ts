/**
 * {@linkcode Handle} and {@linkcode TimerHandle}: a callback scheduled on an
 * event loop, as returned by `callSoon`, `callLater` and `callAt`. A port of
 * the handle classes in CPython's `Lib/asyncio/events.py`.
 *
 * @module
 */

import type { Source } from "./_debug.ts";
import type { EventLoop } from "./loop.ts";
import { type AnyFunction, formatCallback } from "./partial.ts";
import { shortRepr } from "./repr.ts";
import {
  argumentError,
  checkFunction,
  checkLoop,
  checkTime,
  isLoop,
} from "./_validate.ts";

/** Friend access for loop.ts; not exported from mod.ts. */
export const handleInternals = {} as {
  /** Runs the callback, sending an exception to the loop's handler. */
  run(handle: Handle): void;
  /** Whether a timer is still in its loop's heap. */
  scheduled(handle: TimerHandle): boolean;
  /** Marks a timer as in (or out of) its loop's heap. */
  setScheduled(handle: TimerHandle, scheduled: boolean): void;
  /** The callback's description, as in `Exception in callback ...`. */
  describe(handle: Handle): string;
  /** Records where the handle was created (debug mode). */
  setSource(handle: Handle, source: Source): void;
};

/** Friend hook that loop.ts sets: a scheduled timer was cancelled. */
export const timerCancelled = {
  notify: (_loop: EventLoop, _handle: TimerHandle): void => {},
};

/**
 * A callback scheduled with {@linkcode EventLoop.callSoon}, which
 * {@linkcode Handle.cancel} keeps from running.
 *
 * @example Usage
 * ```ts
 * import { EventLoop } from "@asyncio-ts/asyncio";
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
  #callback: AnyFunction | undefined;
  #args: unknown[] | undefined;
  #loop: EventLoop;
  #cancelled = false;
  #source: Source | undefined;

  static {
    handleInternals.run = (handle) => handle.#run();
    handleInternals.describe = (handle) => handle.#describe();
    handleInternals.setSource = (handle, source) => {
      handle.#source = source;
    };
  }

  /**
   * Creates a handle. Loops make handles; user code does not need to.
   *
   * @param callback The function to call.
   * @param args The arguments to call it with.
   * @param loop The loop that runs it.
   * @throws {TypeError} If `callback` is not a function, `args` not an
   * array, or `loop` not an event loop.
   */
  constructor(callback: AnyFunction, args: unknown[], loop: EventLoop) {
    // Cheap checks first; the class name is looked up only for the message.
    if (typeof callback !== "function") {
      checkFunction(new.target.name, "callback", callback);
    }
    if (!Array.isArray(args)) {
      throw argumentError(new.target.name, "args", "an array", args);
    }
    if (!isLoop(loop)) checkLoop(new.target.name, "loop", loop);
    this.#callback = callback;
    this.#args = args;
    this.#loop = loop;
  }

  /**
   * Cancels the callback. If it has already run or been cancelled, this does
   * nothing.
   */
  cancel(): void {
    if (this.#cancelled) return;
    this.#cancelled = true;
    this.#callback = undefined;
    this.#args = undefined;
  }

  /**
   * Whether the callback was cancelled.
   *
   * @returns `true` once {@linkcode Handle.cancel} was called.
   */
  cancelled(): boolean {
    return this.#cancelled;
  }

  /**
   * The loop that the handle is scheduled on.
   *
   * @returns The loop.
   */
  getLoop(): EventLoop {
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

  /**
   * Shows {@linkcode Handle.toString} in `Deno.inspect` and `console.log`.
   *
   * @returns The same text as {@linkcode Handle.toString}.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }

  /**
   * Shows {@linkcode Handle.toString} in Node's `util.inspect`.
   *
   * @returns The same text as {@linkcode Handle.toString}.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** The parts of the repr, as CPython's `Handle._repr_info()`. */
  #info(): string[] {
    const info = [this.constructor.name];
    if (this.#cancelled) info.push("cancelled");
    if (this instanceof TimerHandle) info.push(`when=${this.when()}`);
    if (this.#callback !== undefined) info.push(this.#describe());
    if (this.#source?.location !== undefined) {
      info.push(`created at ${this.#source.location}`);
    }
    return info;
  }

  #describe(): string {
    const callback = this.#callback;
    if (callback === undefined) return "<cancelled>";
    return `${formatCallback(callback, shortRepr)}(${
      (this.#args ?? []).map(shortRepr).join(", ")
    })`;
  }

  #run(): void {
    const callback = this.#callback!;
    const args = this.#args!;
    let result: unknown;
    try {
      switch (args.length) {
        case 0:
          result = callback();
          break;
        case 1:
          result = callback(args[0]);
          break;
        case 2:
          result = callback(args[0], args[1]);
          break;
        default:
          result = callback(...args);
      }
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
    this.#loop.callExceptionHandler({
      message: `Exception in callback ${this.#describe()}`,
      exception,
      handle: this,
      ...(this.#source && { sourceTraceback: this.#source.stack }),
    });
  }
}

/**
 * A callback scheduled for a time, with {@linkcode EventLoop.callLater} or
 * {@linkcode EventLoop.callAt}.
 *
 * @example Usage
 * ```ts
 * import { EventLoop } from "@asyncio-ts/asyncio";
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
  #scheduled = false;

  static {
    handleInternals.scheduled = (handle) => handle.#scheduled;
    handleInternals.setScheduled = (handle, scheduled) => {
      handle.#scheduled = scheduled;
    };
  }

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
    loop: EventLoop,
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
    if (!this.cancelled() && this.#scheduled) {
      timerCancelled.notify(this.getLoop(), this);
    }
    super.cancel();
  }
}
