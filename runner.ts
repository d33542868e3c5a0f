/**
 * {@linkcode Runner}, a port of `asyncio.Runner` (CPython's
 * `Lib/asyncio/runners.py`): one event loop that runs several `main`s in
 * turn, then is shut down and closed. {@linkcode run} is built on it.
 *
 * @module
 */

import { runningLoop } from "./_runtime.ts";
import { EventLoop, type EventLoopOptions } from "./loop.ts";
import { setEventLoop } from "./events.ts";
import { Context, copyContext } from "./contextvars.ts";
import {
  argumentError,
  checkClockOption,
  checkOptions,
  EVENT_LOOP_OPTIONS,
  isGenerator,
  isLoop,
  isThenable,
} from "./_validate.ts";
import type { Coroutine, GeneratorCoroutine } from "./task.ts";
import { allTasks } from "./tasks.ts";
import { gather } from "./gather.ts";
import { CancelledError, KeyboardInterrupt } from "./errors.ts";
import { explainFailure } from "./_running.ts";
import { addSigintListener, exitHost } from "./_sigint.ts";

/** Options for the {@linkcode Runner} constructor and {@linkcode run}. */
export interface RunnerOptions {
  /**
   * Turns the loop's debug mode on or off
   * ({@linkcode EventLoop.setDebug}); left as the loop has it by default.
   */
  debug?: boolean | undefined;
  /**
   * Makes the runner's loop. Without it the runner makes a new
   * {@linkcode EventLoop} and makes it the current loop while it is open,
   * as asyncio does; a loop from the factory is not made current.
   */
  loopFactory?: (() => EventLoop) | undefined;
  /**
   * The clock of the loop the runner makes (not with `loopFactory`).
   *
   * @default {"real"}
   */
  clock?: "real" | "virtual" | undefined;
  /**
   * With `clock: "virtual"`: when the clock jumps to the next timer (see
   * {@linkcode EventLoopOptions.autojump}).
   *
   * @default {true}
   */
  autojump?: boolean | number | undefined;
}

/** Options for {@linkcode Runner.run}. */
export interface RunnerRunOptions {
  /**
   * The context `main` runs in; by default the runner's own, a copy of the
   * context the runner started in, shared by all its runs (as asyncio's).
   */
  context?: Context | undefined;
}

const OPTION_KEYS = [...EVENT_LOOP_OPTIONS, "debug", "loopFactory"];

/** run.ts's way into a runner: names `run()` in errors, and shares no context. */
export const RUN_MAIN: unique symbol = Symbol("runMain");

type State = "created" | "initialized" | "closing" | "closed";

// Absent in hosts that predate explicit resource management.
const ASYNC_DISPOSE = (Symbol as { readonly asyncDispose?: symbol })
  .asyncDispose;

/**
 * `[Symbol.asyncDispose](): Promise<void>`, where the host's types know
 * `Symbol.asyncDispose`, else nothing: merged into {@linkcode Runner}, so
 * that `await using runner = new Runner()` type-checks where `await using`
 * exists, and the package's types still check against ES2023 without it.
 */
export type ClosedOnAsyncDispose = SymbolConstructor extends {
  readonly asyncDispose: infer K extends symbol;
} ? { [P in K]: () => Promise<void> }
  : Record<never, never>;

/**
 * One event loop that runs several `main`s in turn, as `asyncio.Runner`:
 * the loop is made on first use ({@linkcode Runner.run} or
 * {@linkcode Runner.getLoop}), each `run()` runs its `main` as a task of it
 * to completion, and {@linkcode Runner.close} cancels the tasks left, turns
 * the loop for asyncio's shutdown steps and closes it. Tasks started by one
 * `run()` that are still pending keep running in the next one; every run's
 * task runs in the runner's context, so context variables set in one run
 * are seen by the next.
 *
 * Ctrl-C is handled during each `run()` as {@linkcode run} handles it (the
 * first SIGINT cancels that run's main task, and the run then throws
 * {@linkcode KeyboardInterrupt}).
 *
 * Where the host has `Symbol.asyncDispose`, `await using runner = new
 * Runner()` closes the runner at the end of the block, as Python's `with
 * asyncio.Runner() as runner:`.
 *
 * Differences from asyncio: `run()` and `close()` return promises, since
 * JavaScript cannot block; `clock` picks the clock of the loop the runner
 * makes.
 *
 * @example Several runs on one loop
 * ```ts
 * import { createTask, Runner, sleep } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const runner = new Runner({ clock: "virtual" });
 * const loop = runner.getLoop();
 * const first = await runner.run(async () => {
 *   createTask(() => sleep(10)); // still pending when this run returns
 *   return await sleep(1, "first");
 * });
 * const second = await runner.run(async () => await sleep(1, "second"));
 * assert.deepEqual([first, second, loop.time()], ["first", "second", 2]);
 * await runner.close(); // cancels the sleeper left, closes the loop
 * assert.ok(loop.isClosed());
 * ```
 *
 * @example Closed by `await using`
 * ```ts
 * import { Runner, sleep } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * let loop;
 * {
 *   await using runner = new Runner({ clock: "virtual" });
 *   loop = runner.getLoop();
 *   assert.equal(await runner.run(() => sleep(5, "done")), "done");
 * }
 * assert.ok(loop.isClosed());
 * ```
 */
export class Runner {
  #state: State = "created";
  #debug: boolean | undefined;
  #loopFactory: (() => EventLoop) | undefined;
  /** The options of the loop it makes: its clock. */
  #loopOptions: EventLoopOptions;
  #loop: EventLoop | undefined;
  #context: Context | undefined;
  /** A runner of run(): one run, in a copy of its caller's context. */
  #single = false;

  /**
   * Creates a runner; its loop is made on first use.
   *
   * @param options Debug mode, a factory of the loop, or its clock.
   * @throws {TypeError} If `options` is not an object, has a key other than
   * `debug`, `loopFactory` and `clock`, or one of them has a wrong type
   * (`clock` and `loopFactory` together included).
   */
  constructor(options: RunnerOptions = {}) {
    checkRunnerOptions("Runner", options);
    const { debug, loopFactory, clock, autojump } = options;
    this.#debug = debug;
    this.#loopFactory = loopFactory;
    this.#loopOptions = {};
    if (clock !== undefined) this.#loopOptions.clock = clock;
    if (autojump !== undefined) this.#loopOptions.autojump = autojump;
  }

  /**
   * The runner's loop, made now if this is its first use.
   *
   * @returns The loop.
   * @throws {Error} If the runner is closed.
   * @throws {TypeError} If `loopFactory` returned no event loop.
   */
  getLoop(): EventLoop {
    return this.#lazyInit();
  }

  /**
   * Runs `main` as a task of the runner's loop until it is done, and
   * returns its result, as `asyncio.Runner.run()`. Tasks that `main` leaves
   * pending are not cancelled: they go on in the next run, and
   * {@linkcode Runner.close} cancels those left at the end.
   *
   * @typeParam T The result type.
   * @param main A generator coroutine, an `async` function (called on the
   * task's first step) or a promise.
   * @param options The context to run `main` in.
   * @returns `main`'s result.
   * @throws {TypeError} If `main` is neither a function, a generator nor a
   * promise, or `options` is not `{ context }`.
   * @throws {Error} If the runner is closed, or an event loop is running
   * (this runner's included: a task of it cannot wait for another run).
   * @throws {KeyboardInterrupt} If a SIGINT (Ctrl-C) cancelled the main
   * task.
   */
  run<T>(
    main: GeneratorCoroutine<T>,
    options?: RunnerRunOptions,
  ): Promise<T>;
  /**
   * Runs `main` as a task of the runner's loop until it is done.
   *
   * @typeParam T The result type.
   * @param main An `async` function or a promise.
   * @param options The context to run `main` in.
   * @returns `main`'s result.
   */
  run<T>(main: Coroutine<T>, options?: RunnerRunOptions): Promise<T>;
  async run<T>(
    main: Coroutine<T> | GeneratorCoroutine<T>,
    options: RunnerRunOptions = {},
  ): Promise<T> {
    checkOptions("Runner.run", ["context"], options);
    const context = options.context;
    if (context !== undefined && !(context instanceof Context)) {
      throw argumentError(
        "Runner.run",
        "options.context",
        "a Context",
        context,
      );
    }
    return await this[RUN_MAIN](main, "Runner.run", context);
  }

  /**
   * @ignore The body of {@linkcode Runner.run}, with the name that errors
   * give the caller (`run` for {@linkcode run}).
   */
  async [RUN_MAIN]<T>(
    main: Coroutine<T> | GeneratorCoroutine<T>,
    caller: string,
    context?: Context,
  ): Promise<T> {
    if (
      typeof main !== "function" && !isGenerator(main) && !isThenable(main)
    ) {
      throw argumentError(
        caller,
        "main",
        "an async function or a promise",
        main,
      );
    }
    if (runningLoop() !== null) {
      throw new Error(`${caller}() cannot be called from a running event loop`);
    }
    if (caller === "run") this.#single = true;
    const loop = this.#lazyInit();
    context ??= this.#context;
    const task = loop.createTask(
      main as Coroutine<T>,
      context === undefined ? {} : { context },
    );
    // Runner._on_sigint: the first interrupt cancels the main task (its
    // cancel() wakes the loop); any other, or one after the main task is
    // done, is asyncio's KeyboardInterrupt raised at once: here, the end.
    let interrupts = 0;
    const removeListener = addSigintListener(() => {
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
          `${caller}() was interrupted by SIGINT (Ctrl-C)`,
          { cause: error },
        );
      }
      throw explainFailure(error, main, caller);
    } finally {
      removeListener?.();
    }
  }

  /**
   * Shuts the runner down, as `asyncio.Runner.close()`: cancels the tasks
   * still pending and waits for them, turns the loop for asyncio's shutdown
   * steps (`shutdown_asyncgens()`, `shutdown_default_executor()`: there is
   * nothing of the kind here, but queued callbacks keep running as long),
   * and closes the loop, which reports the failures nobody retrieved. A
   * runner never used, or closed already, is left as it is.
   *
   * @returns A promise that resolves when the loop is closed.
   * @throws {Error} If the runner's loop is running (a task of it cannot
   * close its own runner).
   */
  async close(): Promise<void> {
    if (this.#state !== "initialized") return;
    const loop = this.#loop!;
    if (loop.isRunning()) {
      throw new Error(
        "Runner.close() cannot be called while the runner's loop is running",
      );
    }
    this.#state = "closing";
    try {
      await cancelAllTasks(loop);
      await loop.runUntilComplete(loop.createTask(shutdownStep));
      await loop.runUntilComplete(loop.createTask(shutdownStep));
    } finally {
      // A loop the runner made itself is the current loop: unset it.
      if (this.#loopFactory === undefined) setEventLoop(null);
      loop.close();
      this.#loop = undefined;
      this.#context = undefined;
      this.#state = "closed";
    }
  }

  /**
   * Formats the runner, such as `<Runner initialized loop=<EventLoop
   * running=false closed=false>>`.
   *
   * @returns The formatted runner.
   */
  toString(): string {
    const loop = this.#loop === undefined ? "" : ` loop=${this.#loop}`;
    return `<Runner ${this.#state}${loop}>`;
  }

  /** Runner._lazy_init: makes the loop on first use. */
  #lazyInit(): EventLoop {
    if (this.#state === "closed" || this.#state === "closing") {
      throw new Error("Runner is closed: it cannot run anything any more");
    }
    if (this.#state === "initialized") return this.#loop!;
    let loop: EventLoop;
    const factory = this.#loopFactory;
    if (factory === undefined) {
      loop = new EventLoop(this.#loopOptions);
      setEventLoop(loop);
    } else {
      const made: unknown = factory();
      if (!isLoop(made)) {
        const name = "options.loopFactory()";
        throw argumentError("Runner", name, "an EventLoop", made);
      }
      loop = made as EventLoop;
    }
    if (this.#debug !== undefined) loop.setDebug(this.#debug);
    if (!this.#single) this.#context = copyContext();
    this.#loop = loop;
    this.#state = "initialized";
    return loop;
  }
}

/**
 * Where the host has `Symbol.asyncDispose`, a Runner has
 * `[Symbol.asyncDispose]()`, which closes it
 * ({@linkcode ClosedOnAsyncDispose}).
 */
export interface Runner extends ClosedOnAsyncDispose {}

if (ASYNC_DISPOSE !== undefined) {
  Object.defineProperty(Runner.prototype, ASYNC_DISPOSE, {
    value: function asyncDispose(this: Runner): Promise<void> {
      return this.close();
    },
    writable: true,
    configurable: true,
  });
}

/**
 * Checks the options of `method()` (`Runner`, `run`): an object with no
 * other keys than `clock`, `autojump`, `debug` and `loopFactory`, of the
 * right types, and not the loop's options beside `loopFactory`.
 */
export function checkRunnerOptions(
  method: string,
  options: RunnerOptions | undefined,
): void {
  checkOptions(method, OPTION_KEYS, options);
  if (options === undefined) return;
  const { debug, loopFactory, clock, autojump } = options;
  if (debug !== undefined && typeof debug !== "boolean") {
    throw argumentError(method, "options.debug", "a boolean", debug);
  }
  if (loopFactory !== undefined && typeof loopFactory !== "function") {
    throw argumentError(
      method,
      "options.loopFactory",
      "a function that returns an EventLoop",
      loopFactory,
    );
  }
  if (clock !== undefined || autojump !== undefined) {
    checkClockOption(method, { clock, autojump });
    if (loopFactory !== undefined) {
      const key = clock !== undefined ? "clock" : "autojump";
      throw new TypeError(
        `${method}() expected either \`options.${key}\` or \`options.loopFactory\`, got both (give the factory's loop its clock)`,
      );
    }
  }
}

/** Stands for asyncio's shutdown coroutines: done at its first step. */
async function shutdownStep(): Promise<void> {}

/** runners.py's `_cancel_all_tasks`. */
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
