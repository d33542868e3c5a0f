/**
 * {@linkcode run}, a port of `asyncio.run()` (CPython's
 * `Lib/asyncio/runners.py`).
 *
 * @module
 */

import { runningLoop } from "./_runtime.ts";
import type { Coroutine, GeneratorCoroutine } from "./task.ts";
import {
  checkRunnerOptions,
  RUN_MAIN,
  Runner,
  type RunnerOptions,
} from "./runner.ts";
import { addSigintListener, exitHost } from "./_sigint.ts";

/**
 * Runs `main` on a new event loop and returns its result, as
 * `asyncio.run()` (built on {@linkcode Runner}): the loop becomes the current loop, `main` runs as its
 * first task, the tasks still pending at the end are cancelled and awaited,
 * and the loop is closed (after which there is no current loop, as in
 * asyncio).
 *
 * Ctrl-C, as `asyncio.run()` handles it (`Runner._on_sigint`): while `run()`
 * runs, it listens for SIGINT (Deno: `Deno.addSignalListener`; Node.js:
 * `process.on`; browsers have no signals, and nothing is installed). The
 * first SIGINT cancels the main task if it is not done; its `finally` blocks
 * run on the loop, the other tasks are cancelled as at any end, and if the
 * main task ends cancelled and `task.uncancel()` then returns 0, `run()`
 * throws {@linkcode KeyboardInterrupt} (with the `CancelledError` as its
 * `cause`). A main task that catches the cancellation and returns gives its
 * result, as in asyncio. Another SIGINT before `run()` settles (or the first
 * one once the main task is done) ends the process at once with exit code
 * 130: asyncio raises `KeyboardInterrupt` into the running code then, which
 * JavaScript cannot do, so no `finally` block runs. The listener is removed
 * when `run()` settles, and a later SIGINT has the host's default effect. As
 * in asyncio, Node.js's `run()` installs nothing when the program listens for
 * SIGINT itself (`process.listenerCount("SIGINT") > 0`); Deno cannot tell, and
 * installs its listener beside the program's. A listener runs only between
 * host tasks: code that never yields (a synchronous endless loop) cannot be
 * interrupted by Ctrl-C while `run()` listens.
 *
 * `run()` does not set the exit code (`Deno.exitCode`, `process.exitCode`) to
 * 130 when it throws `KeyboardInterrupt`: a rejection nobody catches ends
 * Deno and Node.js with code 1 whatever the exit code says, and a caller that
 * catches it has decided what comes next (exit, prompt, run again); a library
 * call that left a process-wide 130 behind would make that caller's normal
 * exit report an interruption. Exit with 130 where you catch it, as the
 * example shows.
 *
 * @typeParam T The result type.
 * @param main A generator coroutine, an `async` function (called on the
 * task's first step) or a promise.
 * @param options The new loop's clock (`{ clock: "virtual" }`), debug mode,
 * or a factory that makes it, as {@linkcode Runner} takes them.
 * @returns `main`'s result.
 * @throws {TypeError} If `main` is neither a function, a generator nor a
 * promise, or `options` has a key other than `clock`, `debug` and
 * `loopFactory`.
 * @throws {Error} If a loop is already running.
 * @throws {KeyboardInterrupt} If a SIGINT (Ctrl-C) cancelled the main task.
 *
 * @example Usage
 * ```ts
 * import { run, sleep } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const result = await run(async () => await sleep(60, "done"), {
 *   clock: "virtual",
 * });
 * assert.equal(result, "done");
 * ```
 *
 * @example Exit with code 130 on Ctrl-C
 * ```ts ignore
 * import { KeyboardInterrupt, run, sleep } from "asyncio-ts";
 * import process from "node:process";
 *
 * try {
 *   await run(async () => {
 *     try {
 *       await sleep(3600);
 *     } finally {
 *       console.log("cleaning up"); // runs on the first Ctrl-C
 *     }
 *   });
 * } catch (error) {
 *   if (error instanceof KeyboardInterrupt) process.exit(130);
 *   throw error;
 * }
 * ```
 */
export function run<T>(
  main: GeneratorCoroutine<T>,
  options?: RunnerOptions,
): Promise<T>;
/**
 * Runs `main` on a new event loop, as `asyncio.run()`.
 *
 * @typeParam T The type of the result.
 * @param main An `async` function or a promise.
 * @param options The new loop's clock, debug mode, or its factory.
 * @returns The result of `main`.
 */
export function run<T>(
  main: Coroutine<T>,
  options?: RunnerOptions,
): Promise<T>;
export async function run<T>(
  main: Coroutine<T> | GeneratorCoroutine<T>,
  options: RunnerOptions = {},
): Promise<T> {
  if (runningLoop() !== null) {
    throw new Error("run() cannot be called from a running event loop");
  }
  checkRunnerOptions("run", options);
  const runner = new Runner(options);
  try {
    return await runner[RUN_MAIN](main, "run");
  } finally {
    // A SIGINT while the tasks left are cancelled ends the process, as one
    // does at any time before run() settles.
    const removeListener = addSigintListener(() => exitHost(130));
    try {
      await runner.close();
    } finally {
      removeListener?.();
    }
  }
}
