/**
 * Types of the loop's API that name futures, handles and tasks:
 * {@linkcode ExceptionContext} and {@linkcode Awaitable}. Kept apart from
 * loop.ts, which the modules of those classes must not import. Exported
 * from mod.ts through loop.ts.
 *
 * @module
 */

import type { Future } from "./future.ts";
import type { Handle } from "./handle.ts";
import type { Coroutine, Task } from "./task.ts";

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
