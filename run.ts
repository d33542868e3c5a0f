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
  EVENT_LOOP_OPTIONS,
  isGenerator,
  isThenable,
} from "./_validate.ts";
import type { Coroutine, GeneratorCoroutine } from "./task.ts";
import { allTasks } from "./tasks.ts";
import { gather } from "./gather.ts";
import { CancelledError, KeyboardInterrupt } from "./errors.ts";
import { explainFailure } from "./_running.ts";

/**
 * Runs `main` on a new event loop and returns its result, as
 * `asyncio.run()`: the loop becomes the current loop, `main` runs as its
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
 * @param options The new loop's options, such as `{ clock: "virtual" }`.
 * @returns `main`'s result.
 * @throws {Error} If a loop is already running.
 * @throws {KeyboardInterrupt} If a SIGINT (Ctrl-C) cancelled the main task.
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
 *
 * @example Exit with code 130 on Ctrl-C
 * ```ts ignore
 * import { KeyboardInterrupt, run, sleep } from "@asyncio-ts/asyncio";
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
  checkOptions("run", EVENT_LOOP_OPTIONS, options);
  const clock = options?.clock;
  if (clock !== undefined && clock !== "real" && clock !== "virtual") {
    throw argumentError("run", "options.clock", '"real" or "virtual"', clock);
  }
  const loop = new EventLoop(options);
  setEventLoop(loop);
  let removeListener: (() => void) | undefined;
  try {
    const task = loop.createTask(main as Coroutine<T>);
    // Runner._on_sigint: the first interrupt cancels the main task (its
    // cancel() wakes the loop); any other, or one after the main task is
    // done, is asyncio's KeyboardInterrupt raised at once: here, the end.
    let interrupts = 0;
    removeListener = addSigintListener(() => {
      interrupts += 1;
      if (interrupts === 1 && !task.done()) {
        task.cancel();
        return;
      }
      exitHost(130);
    });
    try {
      return await loop.runUntilComplete(task);
    } catch (error) {
      if (
        error instanceof CancelledError && interrupts > 0 &&
        task.uncancel() === 0
      ) {
        throw new KeyboardInterrupt(
          "run() was interrupted by SIGINT (Ctrl-C)",
          { cause: error },
        );
      }
      throw explainFailure(error, main, "run");
    }
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
      removeListener?.();
      setEventLoop(null);
      loop.close();
    }
  }
}

/** The parts of Deno's and Node.js's globals that SIGINT handling uses. */
interface SignalHosts {
  Deno?: {
    addSignalListener?(signal: "SIGINT", handler: () => void): void;
    removeSignalListener?(signal: "SIGINT", handler: () => void): void;
    exit?(code: number): never;
    version?: { deno?: unknown };
  };
  process?: {
    on?(event: "SIGINT", listener: () => void): unknown;
    off?(event: "SIGINT", listener: () => void): unknown;
    listenerCount?(event: "SIGINT"): number;
    exit?(code: number): never;
  };
}

/**
 * Listens for SIGINT with `listener` where the host has signals; returns
 * what removes it, or `undefined` if nothing was installed (a browser, a
 * Node.js program with SIGINT listeners of its own, as asyncio leaves a
 * handler other than Python's default alone, or a host that refused).
 */
function addSigintListener(listener: () => void): (() => void) | undefined {
  const hosts = globalThis as SignalHosts;
  try {
    // Deno first, and Node.js's `process` only outside Deno: in Deno, the
    // first read of `globalThis.process` loads the Node.js compatibility
    // layer (~25 ms).
    const { Deno } = hosts;
    if (
      typeof Deno?.addSignalListener === "function" &&
      typeof Deno.removeSignalListener === "function"
    ) {
      Deno.addSignalListener("SIGINT", listener);
      return () => Deno.removeSignalListener!("SIGINT", listener);
    }
    if (isDeno(Deno)) return undefined;
    const { process } = hosts;
    if (
      typeof process?.on === "function" &&
      typeof process.off === "function" &&
      typeof process.listenerCount === "function"
    ) {
      if (process.listenerCount("SIGINT") > 0) return undefined;
      process.on("SIGINT", listener);
      return () => void process.off!("SIGINT", listener);
    }
  } catch {
    // asyncio, too, goes without when signal.signal() refuses (gh-91880).
  }
  return undefined;
}

/** Deno itself, not a `Deno` global that a test shim on Node.js defines. */
function isDeno(deno: SignalHosts["Deno"]): boolean {
  return typeof deno?.version?.deno === "string";
}

/** Ends the process with `code` (only called where a listener was added). */
function exitHost(code: number): void {
  const hosts = globalThis as SignalHosts;
  if (isDeno(hosts.Deno)) hosts.Deno!.exit?.(code);
  else hosts.process?.exit?.(code);
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
