/**
 * Types of the loop's API that name futures, handles and tasks:
 * {@linkcode ExceptionContext}, {@linkcode Awaitable} and
 * {@linkcode TaskFactory}. Kept apart from
 * loop.ts, which the modules of those classes must not import. Exported
 * from mod.ts through loop.ts.
 *
 * @module
 */

import type { Future } from "./future.ts";
import type { Handle } from "./handle.ts";
import type {
  Coroutine,
  GeneratorCoroutine,
  Task,
  TaskOptions,
} from "./task.ts";
import type { AbstractEventLoop } from "./_runtime.ts";

/**
 * What the loop passes to its exception handler, as asyncio's context dict.
 */
export interface ExceptionContext {
  /** What went wrong, such as `Exception in callback f()`. */
  message: string;
  /** The exception, if there is one. */
  exception?: unknown;
  /** The future concerned, if any. */
  future?: Future<unknown>;
  /** The handle whose callback threw, if any. */
  handle?: Handle;
  /** The task concerned, if any. */
  task?: Task<unknown>;
  /** More details, by name. */
  [key: string]: unknown;
}

/** Anything {@linkcode EventLoop.runUntilComplete} can run. */
export type Awaitable<T> = Future<T> | Coroutine<T>;

/**
 * What {@linkcode EventLoop.setTaskFactory} takes: called as
 * `factory(loop, coro, options)` by {@linkcode EventLoop.createTask} (so by
 * {@linkcode createTask} and `runUntilComplete` too), it makes the task, as
 * asyncio's task factories do (3.14's form: every option is passed on).
 */
export type TaskFactory = (
  loop: AbstractEventLoop,
  coro: Coroutine<unknown> | GeneratorCoroutine<unknown>,
  options: Omit<TaskOptions, "loop">,
) => Task<unknown>;
