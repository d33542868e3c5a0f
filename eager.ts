/**
 * Eager tasks, as Python 3.12's {@linkcode eagerTaskFactory} and
 * `create_eager_task_factory()`: a task whose first step runs at once,
 * inside the call that creates it. The step itself is the task's
 * (`eagerStart`, see {@linkcode TaskOptions}).
 *
 * @module
 */

import type { TaskFactory } from "./_loop_types.ts";
import {
  type Coroutine,
  type GeneratorCoroutine,
  Task,
  type TaskOptions,
} from "./task.ts";
import { checkFunction } from "./_validate.ts";

/**
 * A task class's constructor, as {@linkcode createEagerTaskFactory} calls
 * it: `new TaskClass(coro, options)`.
 */
export type TaskConstructor = new (
  coro: Coroutine<unknown> | GeneratorCoroutine<unknown>,
  options: TaskOptions,
) => Task<unknown>;

/**
 * Makes a task factory that creates eager tasks with `TaskClass`, as
 * asyncio's `create_eager_task_factory()`: each task gets
 * `eagerStart: true` unless its options say otherwise.
 *
 * @param TaskClass {@linkcode Task} or a subclass of it.
 * @returns A factory for {@linkcode EventLoop.setTaskFactory}.
 * @throws {TypeError} If `TaskClass` is not a function.
 *
 * @example Usage
 * ```ts
 * import {
 *   createEagerTaskFactory,
 *   EventLoop,
 *   Task,
 *   type TaskConstructor,
 * } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * class NamedTask<T> extends Task<T> {}
 * const loop = new EventLoop();
 * loop.setTaskFactory(createEagerTaskFactory(NamedTask as TaskConstructor));
 * let task: Task<string> | undefined;
 * await loop.runUntilComplete(async () => {
 *   task = loop.createTask(function* () {
 *     return "done";
 *   });
 *   assert.equal(task.result(), "done"); // done before createTask returned
 * });
 * assert.ok(task instanceof NamedTask);
 * loop.close();
 * ```
 */
export function createEagerTaskFactory(
  TaskClass: TaskConstructor,
): TaskFactory {
  checkFunction("createEagerTaskFactory", "TaskClass", TaskClass);
  return function eagerFactory(loop, coro, options) {
    return new TaskClass(coro, {
      ...options,
      loop,
      eagerStart: options.eagerStart ?? true,
    });
  };
}

/**
 * The task factory of eager tasks, asyncio's `eager_task_factory` (Python
 * 3.12): with `loop.setTaskFactory(eagerTaskFactory)`, every task that
 * {@linkcode EventLoop.createTask} (or {@linkcode createTask}) makes while
 * the loop runs starts at once, inside the call: its code runs to its
 * first suspension, with the task as {@linkcode currentTask}, before the
 * call returns. A task that finishes without suspending is never
 * scheduled and costs no loop iteration (its done callbacks are still
 * called through `callSoon`); one that suspends goes on as any task.
 * `createTask(coro, { eagerStart: true })` does the same for one task.
 *
 * Differences from asyncio: an `async` function's result arrives through
 * its promise, so a task whose `async` function returns without awaiting
 * is done a microtask later (before the loop's next callback), not yet when
 * `createTask()` returns; a generator task that returns is done at once.
 * Where the host has no async context (browsers), `async` function tasks
 * are scheduled as usual (generator tasks still start eagerly): only that
 * context tells their code after the first await from their creator's.
 *
 * @example Usage
 * ```ts
 * import {
 *   createTask,
 *   currentTask,
 *   eagerTaskFactory,
 *   getRunningLoop,
 *   run,
 *   sleep,
 * } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const log: string[] = [];
 * await run(async () => {
 *   getRunningLoop().setTaskFactory(eagerTaskFactory);
 *   const quick = createTask(function* () {
 *     log.push(`${currentTask()!.getName()} runs`);
 *     return 1;
 *   }, { name: "quick" });
 *   log.push(`quick done: ${quick.done()}`);
 *   const slow = createTask(async () => {
 *     log.push(`${currentTask()!.getName()} runs`);
 *     await sleep(1);
 *     log.push("slow resumes");
 *   }, { name: "slow" });
 *   log.push(`slow done: ${slow.done()}`);
 *   await slow;
 * }, { clock: "virtual" });
 * assert.deepEqual(log, [
 *   "quick runs",
 *   "quick done: true",
 *   "slow runs",
 *   "slow done: false",
 *   "slow resumes",
 * ]);
 * ```
 */
export const eagerTaskFactory: TaskFactory = createEagerTaskFactory(
  Task as TaskConstructor,
);
