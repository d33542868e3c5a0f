/**
 * The friend functions through which the loop, futures and tasks reach each
 * other's private state. Each class fills in its own entries from a `static`
 * block, so every field stays `#private` and no module has to import another
 * at evaluation time (future.ts must not import task.ts or loop.ts, since
 * `class Task extends Future` would then run before `Future` exists).
 *
 * Nothing here is exported from mod.ts.
 *
 * @module
 */

import type { EventLoop } from "./loop.ts";
import type { Future } from "./future.ts";
import type { Task } from "./task.ts";

function missing(): never {
  throw new Error("asyncio-ts: loop.ts was not loaded; import mod.ts");
}

/** Hooks that loop.ts fills in. */
export const loopHooks = {
  /** `getEventLoop()`, for futures created without a loop. */
  defaultLoop: missing as () => EventLoop,
  /**
   * A done callback is about to resolve code that awaited a future of
   * `loop`: the loop lets that code run to its next suspension before it
   * runs its next ready callback.
   */
  resumed: missing as (
    loop: EventLoop,
    task: Task<unknown> | undefined,
  ) => void,
  /** Code that the loop resumed has suspended on a pending future. */
  suspended: missing as (loop: EventLoop) => void,
  /** Something happened on `loop` (a then() call, a settled task...). */
  activity: missing as (loop: EventLoop) => void,
  /** The task whose code `loop` is running now, if any. */
  currentTask: missing as (loop: EventLoop) => Task<unknown> | undefined,
  /** The loop that is running now, if any. */
  runningLoop: missing as () => EventLoop | null,
};

/** Hooks that task.ts fills in. */
export const taskHooks = {
  /** The task's code now awaits `future`, or (`undefined`) was woken. */
  awaiting: (
    _task: Task<unknown>,
    _future: Future<unknown> | undefined,
  ): void => {},
};
