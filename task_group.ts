/**
 * {@linkcode TaskGroup}, a port of CPython's `Lib/asyncio/taskgroups.py`:
 * structured concurrency, where a failing task cancels its siblings and
 * the group's errors come out together in an {@linkcode ExceptionGroup}.
 *
 * @module
 */

import { CancelledError, ExceptionGroup } from "./errors.ts";
import type { AbstractEventLoop } from "./_runtime.ts";
import { noTaskHint } from "./_host_context.ts";
import { runningLoopFor } from "./_running.ts";
import { Future } from "./future.ts";
import { futureOptionsOf } from "./_future_options.ts";
import type {
  Coroutine,
  GeneratorCoroutine,
  Task,
  TaskOptions,
} from "./task.ts";
import type { EventLoop } from "./loop.ts";
import { currentTaskOf } from "./tasks.ts";
import { checkFunction } from "./_validate.ts";
import { asyncWith, type BlockResult } from "./_util.ts";
import { markWaitingCallback } from "./_awaited_by.ts";

/**
 * A group of tasks that ends only when all of them have: Python's
 * `async with asyncio.TaskGroup() as tg:` is
 * `await new TaskGroup().run(async (tg) => { ... })`.
 *
 * When a task of the group fails, the others and the body are cancelled,
 * and {@linkcode TaskGroup.run} throws an {@linkcode ExceptionGroup} of
 * the failures (`unhandled errors in a TaskGroup`). Cancelling the task
 * that runs the group cancels the group's tasks too.
 * {@linkcode TaskGroup.cancel} stops the group and its body without an
 * error.
 *
 * `await using` cannot carry this: a disposer does not see the exception
 * of its block, so it could not cancel the tasks when the body fails.
 * {@linkcode TaskGroup.enter} and {@linkcode TaskGroup.exit} are asyncio's
 * `__aenter__` and `__aexit__`, for code that manages the scope by hand.
 *
 * @example Usage
 * ```ts
 * import { EventLoop, sleep, TaskGroup } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const results = await loop.runUntilComplete(() =>
 *   new TaskGroup().run(async (tg) => {
 *     const a = tg.createTask(() => sleep(1, "a"));
 *     const b = tg.createTask(() => sleep(2, "b"));
 *     return [a, b];
 *   })
 * );
 * assert.deepEqual(results.map((task) => task.result()), ["a", "b"]);
 * loop.close();
 * ```
 */
export class TaskGroup {
  #entered = false;
  #exiting = false;
  #aborting = false;
  #loop: AbstractEventLoop | undefined;
  #parentTask: Task<unknown> | undefined;
  #parentCancelRequested = false;
  #tasks = new Set<Task<unknown>>();
  #errors: unknown[] = [];
  #onCompleted: Future<boolean> | undefined;
  #cancelOnEnter = false;

  /**
   * Runs `body` in the group: enters, awaits the body, then waits for
   * every task of the group.
   *
   * @typeParam R What the body returns: a value, a promise, or a generator.
   * @param body The code that creates the group's tasks: an `async`
   * function, or a generator function run inline.
   * @returns The body's result; `undefined` if {@linkcode TaskGroup.cancel}
   * cut the body short (its `CancelledError` ends the group quietly).
   * @throws {ExceptionGroup} If tasks of the group (or the body) failed.
   * @throws {CancelledError} If the task running the group was cancelled.
   * @throws {Error} If no loop is running: call it from code that
   * {@linkcode run} or {@linkcode EventLoop.runUntilComplete} runs.
   */
  async run<R>(body: (group: TaskGroup) => R): Promise<BlockResult<R>> {
    checkFunction("run", "body", body);
    runningLoopFor("TaskGroup.run");
    return await asyncWith(this, body);
  }

  /**
   * Enters the group (asyncio's `__aenter__`) in the current task; a
   * {@linkcode TaskGroup.cancel} made before cancels it now.
   *
   * @throws {Error} If it was entered before, or no loop or no task is
   * running.
   */
  enter(): void {
    if (this.#entered) {
      throw new Error(
        `TaskGroup ${this} is ${
          this.#finished() ? "finished" : "already running"
        }: a TaskGroup runs once; make a new one for each run()`,
      );
    }
    const loop = runningLoopFor("TaskGroup.enter");
    const parent = currentTaskOf(loop);
    if (parent === undefined) {
      throw new Error(
        `TaskGroup ${this} cannot determine the parent task${noTaskHint()}`,
      );
    }
    this.#entered = true;
    this.#loop = loop;
    this.#parentTask = parent;
    if (this.#cancelOnEnter) this.cancel();
  }

  /**
   * Creates a task in the group.
   *
   * @typeParam T The task's result.
   * @param coro A generator coroutine, an `async` function or a promise, as
   * for {@linkcode EventLoop.createTask}.
   * @param options The task's name and signal.
   * @returns The task.
   * @throws {Error} If the group was not entered, has finished, or is
   * shutting down after a failure.
   */
  createTask<T>(
    coro: GeneratorCoroutine<T>,
    options?: Omit<TaskOptions, "loop">,
  ): Task<T>;
  /**
   * Creates a task in the group.
   *
   * @typeParam T The type of the result.
   * @param coro An `async` function or a promise.
   * @param options The task's name and signal.
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
    if (!this.#entered) {
      throw new Error(
        `TaskGroup ${this} is not running: create its tasks in the body of run()`,
      );
    }
    if (this.#finished()) {
      throw new Error(`TaskGroup ${this} is finished`);
    }
    if (this.#aborting) {
      throw new Error(`TaskGroup ${this} is shutting down`);
    }
    // Through the loop's createTask(), which checks the arguments and
    // applies its task factory (an eager task may be done already: asyncio
    // 3.12 skips the callback). Every loop is an EventLoop (events.ts).
    const task = (this.#loop as EventLoop).createTask(
      coro as Coroutine<T>,
      options,
    );
    if (task.done()) {
      this.#onTaskDone(task as Task<unknown>);
      return task;
    }
    const onDone = () => this.#onTaskDone(task as Task<unknown>);
    // Awaited by the group's task (asyncio 3.14), for the call graph.
    markWaitingCallback(onDone, this.#parentTask!);
    task.addDoneCallback(onDone);
    this.#tasks.add(task as Task<unknown>);
    // Its eager step may have aborted the group (CPython main, gh-155418).
    if (this.#aborting) task.cancel();
    return task;
  }

  /**
   * Leaves the group (asyncio's `__aexit__`): waits for every task, then
   * throws what failed.
   *
   * @param error What the body threw, if it threw.
   * @param threw Whether it threw (so that `undefined` can be thrown).
   * @returns `true`, as asyncio's `__aexit__`: when it returns, what the
   * body threw is to be dropped (a `CancelledError` that
   * {@linkcode TaskGroup.cancel} caused); anything else it throws.
   * @throws {ExceptionGroup} If tasks of the group (or the body) failed.
   * @throws {CancelledError} If the running task was cancelled.
   */
  async exit(
    error?: unknown,
    threw: boolean = error !== undefined,
  ): Promise<boolean> {
    this.#exiting = true;
    let propagateCancellation: CancelledError | undefined =
      threw && error instanceof CancelledError ? error : undefined;
    if (threw && !this.#aborting) {
      // The body failed or is being cancelled: cancel the tasks.
      this.#abort();
    }
    // A loop: the wait can be cancelled more than once, when the parent
    // task is cancelled repeatedly.
    let pending: CancelledError | undefined;
    while (this.#tasks.size > 0) {
      this.#onCompleted ??= new Future<boolean>(futureOptionsOf(this.#loop!));
      try {
        await this.#onCompleted;
      } catch (cancelled) {
        if (!(cancelled instanceof CancelledError)) throw cancelled;
        pending = cancelled;
        if (!this.#aborting) {
          propagateCancellation = cancelled;
          this.#abort();
        }
      }
      this.#onCompleted = undefined;
    }
    // After the wait (as Python 3.12+): the parent may have been cancelled
    // by the group while it waited, and must be uncancelled for that too.
    if (this.#parentCancelRequested) {
      // This flag means uncancel() must be called.
      if (this.#parentTask!.uncancel() === 0) {
        // No cancellation is left pending: don't propagate it.
        propagateCancellation = undefined;
      } else {
        // One is left that is not the group's (as CPython main,
        // gh-155433): a cancel() met in the wait must not drop it.
        propagateCancellation ??= pending;
      }
    }
    // Other errors take precedence over the cancellation.
    if (propagateCancellation !== undefined && this.#errors.length === 0) {
      throw propagateCancellation;
    }
    if (threw && !(error instanceof CancelledError)) this.#errors.push(error);
    if (this.#errors.length > 0) {
      // Cancelled from outside the group too: uncancel and cancel again,
      // which keeps the count of requests stable (as Python 3.12+).
      const parent = this.#parentTask!;
      if (parent.cancelling() > 0) {
        parent.uncancel();
        parent.cancel();
      }
      const errors = this.#errors;
      this.#errors = [];
      throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
    }
    return true;
  }

  /**
   * Cancels the group (CPython main's `TaskGroup.cancel()`, gh-108951):
   * cancels every task of the group that is not done and the task running
   * the group, so that the body is interrupted at its pending `await`
   * (or its next one); the group then ends without an error:
   * {@linkcode TaskGroup.run} resolves with `undefined`, or with what the
   * body returns if it catches the `CancelledError`.
   *
   * Errors other than the cancellation still come out: tasks that fail
   * while being cancelled, or a body that throws something else, make
   * `run()` throw an {@linkcode ExceptionGroup}; after a task of the group
   * failed, the group is shutting down already and `cancel()` changes
   * nothing. A cancellation of the running task from outside the group
   * ({@linkcode Task.cancel}, an enclosing timeout) is never swallowed:
   * `run()` throws its `CancelledError`. The group takes back its own
   * request only ({@linkcode Task.uncancel}), so the task's
   * {@linkcode Task.cancelling} count is as it was without the group.
   *
   * It can be called from the body, from a task of the group (which is
   * cancelled too) or from elsewhere; more than once (the later calls do
   * nothing); after the group ended (nothing happens); or before the group
   * is entered: then it is cancelled on entering, so the body runs up to
   * its first `await` and cannot create tasks (`createTask()` throws, the
   * group is shutting down).
   *
   * @example Stopping a group of endless tasks
   * ```ts
   * import { EventLoop, sleep, TaskGroup } from "asyncio-ts";
   * import assert from "node:assert/strict";
   *
   * const loop = new EventLoop({ clock: "virtual" });
   * const ticks: number[] = [];
   * await loop.runUntilComplete(() =>
   *   new TaskGroup().run(async (group) => {
   *     group.createTask(async () => {
   *       for (;;) ticks.push(await sleep(1, loop.time() + 1));
   *     });
   *     await sleep(3.5);
   *     group.cancel();
   *     await sleep(10); // Interrupted: the group ends here, quietly.
   *   })
   * );
   * assert.deepEqual(ticks, [1, 2, 3]);
   * assert.equal(loop.time(), 3.5);
   * loop.close();
   * ```
   */
  cancel(): void {
    if (!this.#entered) {
      this.#cancelOnEnter = true;
      return;
    }
    if (this.#finished() || this.#aborting) return;
    this.#abort();
    if (!this.#parentCancelRequested) {
      // Uncancelled in exit(), which then swallows the CancelledError
      // unless another request is left.
      this.#parentCancelRequested = true;
      this.#parentTask!.cancel();
    }
  }

  /**
   * Formats the group as asyncio's `repr()` does.
   *
   * @returns Such as `<TaskGroup tasks=2 entered>`, and
   * `<TaskGroup finished>` once it has run (asyncio says `entered` still).
   */
  toString(): string {
    const info = [""];
    if (this.#tasks.size > 0) info.push(`tasks=${this.#tasks.size}`);
    if (this.#errors.length > 0) info.push(`errors=${this.#errors.length}`);
    if (this.#finished()) info.push("finished");
    else if (this.#aborting) info.push("cancelling");
    else if (this.#entered) info.push("entered");
    return `<TaskGroup${info.join(" ")}>`;
  }

  // asyncio's test in create_task(): exiting, and no task is left.
  #finished(): boolean {
    return this.#exiting && this.#tasks.size === 0;
  }

  #abort(): void {
    this.#aborting = true;
    for (const task of this.#tasks) {
      if (!task.done()) task.cancel();
    }
  }

  #onTaskDone(task: Task<unknown>): void {
    this.#tasks.delete(task);
    if (
      this.#onCompleted !== undefined && this.#tasks.size === 0 &&
      !this.#onCompleted.done()
    ) {
      this.#onCompleted.setResult(true);
    }
    if (task.cancelled()) return;
    const error = task.exception();
    if (error === undefined) return;
    this.#errors.push(error);
    const parent = this.#parentTask!;
    if (parent.done()) {
      this.#loop!.callExceptionHandler({
        message:
          `Task ${task} has errored out but its parent task ${parent} is already completed`,
        exception: error,
        task,
      });
      return;
    }
    if (!this.#aborting && !this.#parentCancelRequested) {
      // The parent is not being cancelled: cancel it, so that whatever
      // the body awaits now is interrupted, and remember to uncancel().
      this.#abort();
      this.#parentCancelRequested = true;
      parent.cancel();
    }
  }
}
