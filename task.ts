/**
 * {@linkcode Task}, a future that runs an `async` function on an event loop.
 * A port of CPython's `Lib/asyncio/tasks.py`.
 *
 * @module
 */

import { CancelledError } from "./errors.ts";
import { Future } from "./future.ts";
import { loopHooks, taskHooks } from "./_hooks.ts";
import type { EventLoop } from "./loop.ts";
import { repr } from "./repr.ts";
import { checkCoroutine, checkLoop, checkOptions } from "./_validate.ts";

/** What a task runs: an `async` function to start, or work underway. */
export type Coroutine<T> = (() => T | PromiseLike<T>) | PromiseLike<T>;

/** Options for {@linkcode Task} and {@linkcode EventLoop.createTask}. */
export interface TaskOptions {
  /** The task's name; `Task-N` by default, as in asyncio. */
  name?: string | undefined;
  /** The loop to run on. Defaults to {@linkcode getEventLoop}'s loop. */
  loop?: EventLoop | undefined;
}

let taskCounter = 0;

const stepHooks = {} as { start(task: Task<unknown>): void };

/** A task's first step (CPython's `Task.__step`): start its function. */
function step(task: Task<unknown>): void {
  stepHooks.start(task);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function";
}

/**
 * A future that runs an `async` function (asyncio's coroutine) on an event
 * loop, and is done when the function's promise settles.
 *
 * An important invariant while a task is not done: it is either waiting on
 * one of this library's futures (its `#futWaiter`), scheduled to start, or
 * running inside a loop callback (or awaiting something foreign). Cancelling
 * it cancels the future it waits on, so the `await` in the task's code
 * throws {@linkcode CancelledError}; if that propagates, the task ends
 * cancelled, and if the code catches it, the task goes on.
 *
 * Differences from asyncio: a function is called on the task's first step,
 * one loop iteration after the task is created, as asyncio starts a
 * coroutine; a promise is work that is already running, which the task
 * follows.
 *
 * @typeParam T The type of the result.
 *
 * @example Usage
 * ```ts
 * import { EventLoop } from "@asyncio-ts/asyncio";
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
  #coro: (() => T | PromiseLike<T>) | undefined;
  #name: string;
  #futWaiter: Future<unknown> | undefined;
  #mustCancel = false;
  #cancelMessage: string | undefined;
  #cancelRequests = 0;

  static {
    stepHooks.start = (task) => task.#start();
    taskHooks.awaiting = (task, future) => {
      if (future === task) return;
      task.#futWaiter = future;
      if (
        future !== undefined && task.#mustCancel &&
        future.cancel(task.#cancelMessage)
      ) {
        task.#mustCancel = false;
      }
    };
  }

  /**
   * Creates a task and schedules its first step.
   *
   * @param coro An `async` function to call on the first step, or a promise
   * of work that is already running.
   * @param options The task's name and loop.
   * @throws {TypeError} If `coro` is neither a function nor a thenable,
   * `options` is not an object, or `options.loop` is not an event loop.
   */
  constructor(coro: Coroutine<T>, options: TaskOptions = {}) {
    checkCoroutine("Task", "coro", coro);
    checkOptions("Task", "{ name, loop }", options);
    if (options?.loop !== undefined) {
      checkLoop("Task", "options.loop", options.loop);
    }
    super({ loop: options?.loop });
    this.#name = options?.name === undefined
      ? `Task-${++taskCounter}`
      : String(options.name);
    if (typeof coro === "function") {
      this.#coro = coro as () => T | PromiseLike<T>;
      this.getLoop().callSoon(step, this);
    } else {
      this.#follow(coro);
    }
  }

  /**
   * The task's name.
   *
   * @returns The name given in the options, or `Task-N`.
   */
  getName(): string {
    return this.#name;
  }

  /**
   * Renames the task.
   *
   * @param value The new name; non-strings are converted with `String()`.
   */
  setName(value: unknown): void {
    this.#name = String(value);
  }

  /**
   * Requests that the task be cancelled.
   *
   * The task's code receives {@linkcode CancelledError} at the `await` of
   * this library's future it is suspended on (or at its next one, if it is
   * running or awaiting something foreign). If it lets the error propagate,
   * the task ends cancelled; if it catches it, the task goes on.
   *
   * @param msg The message of the `CancelledError`.
   * @returns `false` if the task is already done, otherwise `true`.
   */
  override cancel(msg?: string): boolean {
    if (this.done()) return false;
    this.#cancelRequests++;
    if (this.#futWaiter !== undefined && this.#futWaiter.cancel(msg)) {
      // The task's code is woken with CancelledError at its await.
      return true;
    }
    this.#mustCancel = true;
    this.#cancelMessage = msg;
    return true;
  }

  /**
   * The number of pending cancellation requests: calls to
   * {@linkcode Task.cancel} less calls to {@linkcode Task.uncancel}.
   *
   * @returns The count.
   */
  cancelling(): number {
    return this.#cancelRequests;
  }

  /**
   * Decrements the count of cancellation requests.
   *
   * @returns The remaining count.
   */
  uncancel(): number {
    if (this.#cancelRequests > 0) this.#cancelRequests--;
    return this.#cancelRequests;
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
    if (this.#mustCancel) info[0] = "cancelling";
    info.splice(1, 0, `name=${repr(this.#name)}`);
    if (this.#futWaiter !== undefined && !this.done()) {
      info.push(`wait_for=${String(this.#futWaiter)}`);
    }
    return info;
  }

  #start(): void {
    const coro = this.#coro!;
    this.#coro = undefined;
    if (this.#mustCancel) {
      this.#mustCancel = false;
      super.cancel(this.#cancelMessage);
      return;
    }
    const loop = this.getLoop();
    loopHooks.resumed(loop, this as Task<unknown>);
    let result: T | PromiseLike<T>;
    try {
      result = coro();
    } catch (error) {
      this.#fail(error);
      return;
    }
    if (isThenable(result)) this.#follow(result);
    else this.#finish(result);
  }

  #follow(promise: PromiseLike<T>): void {
    promise.then(
      (value) => this.#finish(value),
      (error) => this.#fail(error),
    );
  }

  #finish(value: T): void {
    this.#futWaiter = undefined;
    if (this.done()) return;
    if (this.#mustCancel) {
      // Cancelled right before the code finished.
      this.#mustCancel = false;
      super.cancel(this.#cancelMessage);
    } else super.setResult(value);
    loopHooks.suspended(this.getLoop());
  }

  #fail(error: unknown): void {
    this.#futWaiter = undefined;
    if (this.done()) return;
    if (error instanceof CancelledError) super.cancel(error.message);
    else super.setException(error);
    loopHooks.suspended(this.getLoop());
  }
}
