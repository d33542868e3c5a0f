/**
 * How an event loop makes its tasks and runs one to completion: the bodies
 * of `EventLoop.createTask` (through the task factory, as CPython's
 * `BaseEventLoop.create_task`) and `EventLoop.runUntilComplete`, kept out of
 * loop.ts. Not exported from mod.ts.
 *
 * @module
 */

import type { AbstractEventLoop } from "./_runtime.ts";
import { Future } from "./future.ts";
import type { TaskFactory } from "./_loop_types.ts";
import { resultOf } from "./_running.ts";
import {
  checkCoroutine,
  checkCreateTaskOptions,
  foreignFutureError,
} from "./_validate.ts";
import {
  type Coroutine,
  type GeneratorCoroutine,
  Task,
  type TaskOptions,
} from "./task.ts";

/**
 * `loop.createTask(coro, options)`: the task that `factory` makes, else a
 * new task of `loop`.
 */
export function makeTask<L extends AbstractEventLoop, T>(
  loop: L,
  factory: TaskFactory | null,
  coro: Coroutine<T> | GeneratorCoroutine<T>,
  options: Omit<TaskOptions, "loop">,
): Task<T> {
  checkCoroutine("createTask", "coro", coro);
  checkCreateTaskOptions("createTask", options);
  if (factory !== null) return factory(loop, coro, options) as Task<T>;
  return new Task<T>(coro as Coroutine<T>, { ...options, loop });
}

function runUntilCompleteCb(future: Future<unknown>): void {
  future.getLoop().stop();
}

/**
 * Runs `loop` until `awaitable` is done (a future of `loop`, or what
 * `wrap()` makes a task of, as asyncio's `ensure_future()` makes one with
 * `loop.create_task()`), and returns its result or throws its
 * exception.
 */
export async function runUntilComplete<T>(
  loop: AbstractEventLoop & { runForever(): Promise<void> },
  awaitable: unknown,
  wrap: (coro: unknown) => Future<T>,
): Promise<T> {
  let future: Future<T>;
  if (awaitable instanceof Future) {
    if (awaitable.getLoop() !== loop) {
      throw foreignFutureError("runUntilComplete", awaitable, "this one");
    }
    future = awaitable;
  } else {
    const what = "a future, a promise or an async function";
    checkCoroutine("runUntilComplete", "awaitable", awaitable, what);
    future = wrap(awaitable);
  }
  future.addDoneCallback(runUntilCompleteCb);
  try {
    await loop.runForever();
  } finally {
    future.removeDoneCallback(runUntilCompleteCb);
  }
  if (!future.done()) {
    throw new Error("Event loop stopped before Future completed.");
  }
  return resultOf(future, awaitable, "loop.runUntilComplete");
}
