/**
 * The functions of asyncio's `tasks` module that work on the running loop's
 * tasks: {@linkcode createTask}, {@linkcode currentTask} and
 * {@linkcode allTasks}. The {@linkcode Task} class is task.ts's.
 *
 * @module
 */

import type { EventLoop } from "./loop.ts";
import { runningLoopFor } from "./_running.ts";
import {
  type AbstractEventLoop,
  livePendingTasks,
  slotOf,
} from "./_runtime.ts";
import type {
  Coroutine,
  GeneratorCoroutine,
  Task,
  TaskOptions,
} from "./task.ts";
import { checkLoop } from "./_validate.ts";

/**
 * Creates a task on the running loop, as `asyncio.create_task()`: the
 * same as {@linkcode EventLoop.createTask} on {@linkcode getRunningLoop}.
 *
 * @typeParam T The type of the result.
 * @param coro A generator coroutine, stepped by the loop; or an `async`
 * function, called on the task's first step (one iteration later, as
 * asyncio starts a coroutine); or a promise of work that is already
 * running.
 * @param options The task's name, an `AbortSignal` that cancels it, and
 * `eagerStart` (its first step runs at once, inside this call).
 * @returns The task (made by the loop's task factory, if one is set).
 * @throws {Error} If no loop is running.
 *
 * @example Usage
 * ```ts
 * import { createTask, EventLoop, sleep } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const result = await loop.runUntilComplete(async () => {
 *   const child = createTask(() => sleep(1, "child"), { name: "child" });
 *   return `${child.getName()}: ${await child}`;
 * });
 * assert.equal(result, "child: child");
 * loop.close();
 * ```
 */
export function createTask<T>(
  coro: GeneratorCoroutine<T>,
  options?: Omit<TaskOptions, "loop">,
): Task<T>;
/**
 * Creates a task on the running loop, as `asyncio.create_task()`.
 *
 * @typeParam T The type of the result.
 * @param coro An `async` function, called on the task's first step, or a
 * promise of work that is already running.
 * @param options The task's name, and an `AbortSignal` that cancels it.
 * @returns The task.
 */
export function createTask<T>(
  coro: Coroutine<T>,
  options?: Omit<TaskOptions, "loop">,
): Task<T>;
export function createTask<T>(
  coro: Coroutine<T> | GeneratorCoroutine<T>,
  options: Omit<TaskOptions, "loop"> = {},
): Task<T> {
  // Every loop the runtime holds is an EventLoop (events.ts).
  const loop = runningLoopFor("createTask") as EventLoop;
  return loop.createTask(coro as Coroutine<T>, options);
}

function resolveLoop(
  loop: AbstractEventLoop | undefined,
  method: string,
): AbstractEventLoop {
  if (loop === undefined) return runningLoopFor(method);
  checkLoop(method, "loop", loop);
  return loop;
}

/**
 * The task whose code is running on `loop`.
 *
 * @param loop The loop; the running loop by default.
 * @returns The task, or `undefined` outside a task (in a plain callback).
 * @throws {Error} If no loop is given and none is running.
 *
 * @example Usage
 * ```ts
 * import { currentTask, EventLoop } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop();
 * const task = loop.createTask(async () => currentTask()?.getName(), {
 *   name: "worker",
 * });
 * assert.equal(await loop.runUntilComplete(task), "worker");
 * loop.close();
 * ```
 */
export function currentTask(
  loop?: AbstractEventLoop,
): Task<unknown> | undefined {
  return currentTaskOf(resolveLoop(loop, "currentTask"));
}

/**
 * The tasks of `loop` that are not done yet.
 *
 * As asyncio's `all_tasks()`, the registry holds tasks weakly: a pending
 * task that nothing can reach any more (it awaits a future nobody holds) is
 * garbage, and drops out.
 *
 * @param loop The loop; the running loop by default.
 * @returns A new set of the pending tasks.
 * @throws {Error} If no loop is given and none is running.
 */
export function allTasks(loop?: AbstractEventLoop): Set<Task<unknown>> {
  return pendingTasks(resolveLoop(loop, "allTasks"));
}

/**
 * The pending tasks of `loop`, as the registry holds them (asyncio's
 * `_all_tasks`).
 */
export function pendingTasks(loop: AbstractEventLoop): Set<Task<unknown>> {
  // The runtime's registry holds only task.ts's tasks.
  return livePendingTasks(loop) as Set<Task<unknown>>;
}

/**
 * The task whose code runs on `loop`: the runtime records it as the
 * futures see it, and it is always one of task.ts's tasks.
 */
export function currentTaskOf(
  loop: AbstractEventLoop,
): Task<unknown> | undefined {
  return slotOf(loop).current() as Task<unknown> | undefined;
}
