/**
 * {@linkcode run}, a port of `asyncio.run()` (CPython's
 * `Lib/asyncio/runners.py`).
 *
 * @module
 */

import { runningLoop } from "./_runtime.ts";
import { EventLoop, type EventLoopOptions } from "./loop.ts";
import { setEventLoop } from "./events.ts";
import {
  argumentError,
  checkOptions,
  isGenerator,
  isThenable,
} from "./_validate.ts";
import type { Coroutine, GeneratorCoroutine } from "./task.ts";
import { allTasks } from "./tasks.ts";
import { gather } from "./gather.ts";

/**
 * Runs `main` on a new event loop and returns its result, as
 * `asyncio.run()`: the loop becomes the current loop, `main` runs as its
 * first task, the tasks still pending at the end are cancelled and awaited,
 * and the loop is closed (after which there is no current loop, as in
 * asyncio).
 *
 * @typeParam T The result type.
 * @param main A generator coroutine, an `async` function (called on the
 * task's first step) or a promise.
 * @param options The new loop's options, such as `{ clock: "virtual" }`.
 * @returns `main`'s result.
 * @throws {Error} If a loop is already running.
 *
 * @example Usage
 * ```ts
 * import { run, sleep } from "@asyncio-ts/asyncio";
 * import assert from "node:assert/strict";
 *
 * const result = await run(async () => await sleep(60, "done"), {
 *   clock: "virtual",
 * });
 * assert.equal(result, "done");
 * ```
 */
export function run<T>(
  main: GeneratorCoroutine<T>,
  options?: EventLoopOptions,
): Promise<T>;
/**
 * Runs `main` on a new event loop, as `asyncio.run()`.
 *
 * @typeParam T The type of the result.
 * @param main An `async` function or a promise.
 * @param options The clock of the new loop.
 * @returns The result of `main`.
 */
export function run<T>(
  main: Coroutine<T>,
  options?: EventLoopOptions,
): Promise<T>;
export async function run<T>(
  main: Coroutine<T> | GeneratorCoroutine<T>,
  options: EventLoopOptions = {},
): Promise<T> {
  if (runningLoop() !== null) {
    throw new Error(
      "asyncio.run() cannot be called from a running event loop",
    );
  }
  if (
    typeof main !== "function" && !isGenerator(main) && !isThenable(main)
  ) {
    throw argumentError("run", "main", "an async function or a promise", main);
  }
  checkOptions("run", "{ clock }", options);
  const clock = options?.clock;
  if (clock !== undefined && clock !== "real" && clock !== "virtual") {
    throw argumentError("run", "options.clock", '"real" or "virtual"', clock);
  }
  const loop = new EventLoop(options);
  setEventLoop(loop);
  try {
    return await loop.runUntilComplete(loop.createTask(main as Coroutine<T>));
  } finally {
    try {
      await cancelAllTasks(loop);
      // asyncio.run() then runs loop.shutdown_asyncgens() and
      // loop.shutdown_default_executor(), each as a task to completion.
      // There is nothing of the kind to shut down here, but the loop turns
      // the same iterations: callbacks left queued keep running as long.
      await loop.runUntilComplete(loop.createTask(shutdownStep));
      await loop.runUntilComplete(loop.createTask(shutdownStep));
    } finally {
      setEventLoop(null);
      loop.close();
    }
  }
}

/** Stands for asyncio's shutdown coroutines: done at its first step. */
async function shutdownStep(): Promise<void> {}

async function cancelAllTasks(loop: EventLoop): Promise<void> {
  const toCancel = [...allTasks(loop)];
  if (toCancel.length === 0) return;
  for (const task of toCancel) task.cancel();
  await loop.runUntilComplete(gather(toCancel, { returnExceptions: true }));
  for (const task of toCancel) {
    if (task.cancelled()) continue;
    if (task.exception() !== undefined) {
      loop.callExceptionHandler({
        message: "unhandled exception during asyncio.run() shutdown",
        exception: task.exception(),
        task,
      });
    }
  }
}
