/**
 * Debug mode's record of where and when each task last suspended: the
 * stack at its `await` (an `async` function's, with V8's async frames) or
 * at its `yield*` (a generator's, with every generator it delegates to),
 * and the loop's time. `task.getStack()`, the call graph and
 * `formatTasks()` read it. Taken only in debug mode: a stack costs
 * microseconds, a clock read a tenth of one, on the path of every await.
 * Not exported from mod.ts.
 *
 * @module
 */

import { type AbstractEventLoop, slotOf } from "./_runtime.ts";

/** Where and when a task suspended. */
export interface Suspension {
  /** The future it awaits. */
  readonly future: object;
  /** The stack at the suspension, as the host formats it. */
  readonly stack: string;
  /** The loop's time then, in seconds. */
  readonly since: number;
  /** Whether it is a generator's `yield*`. */
  readonly generator: boolean;
}

const suspensions = new WeakMap<object, Suspension>();

/**
 * The code of `task` (by default, the task current on `loop`) suspends on
 * `future` (debug mode only): records where and when. `generator` says the
 * suspension is a `yield*`, taken inside the generator's frames.
 */
export function noteSuspension(
  loop: AbstractEventLoop,
  future: object,
  generator: boolean,
  task: object | undefined = slotOf(loop).current(),
): void {
  if (task === undefined) return;
  const since = loop.time();
  const previous = suspensions.get(task);
  // An inline generator body (of timeout(), TaskGroup.run()) yields the
  // future to the async function that runs it, which awaits it at once:
  // its record keeps the generator's stack, which has more frames.
  if (
    !generator && previous?.generator === true &&
    previous.future === future && previous.since === since
  ) return;
  const stack = deepStack();
  suspensions.set(task, { future, stack, since, generator });
}

/**
 * The stack here, deep enough for a chain of awaits, whose oldest frames
 * are the task's (hosts keep 10 frames by default).
 */
export function deepStack(): string {
  // V8's (Deno, Node.js, Chromium); other hosts ignore it.
  const host = Error as { stackTraceLimit?: number };
  const limit = host.stackTraceLimit;
  if (limit === undefined) return new Error().stack ?? "";
  host.stackTraceLimit = 64;
  const stack = new Error().stack ?? "";
  host.stackTraceLimit = limit;
  return stack;
}

/** Where and when `task` last suspended, if debug mode recorded it. */
export function suspensionOf(task: object): Suspension | undefined {
  return suspensions.get(task);
}
