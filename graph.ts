/**
 * The async call graph: which task awaits which, through which futures.
 * {@linkcode captureCallGraph}, {@linkcode formatCallGraph} and
 * {@linkcode printCallGraph} port Python 3.14's `Lib/asyncio/graph.py`;
 * {@linkcode futureAddToAwaitedBy} and {@linkcode futureDiscardFromAwaitedBy}
 * its `futures.future_add_to_awaited_by()` and
 * `future_discard_from_awaited_by()`.
 *
 * @module
 */

import { Future, WAITERS } from "./future.ts";
import { Task } from "./task.ts";
import { runningLoop } from "./_runtime.ts";
import { currentTaskOf } from "./tasks.ts";
import {
  addAwaitedBy,
  discardAwaitedBy,
  recordedAwaitedBy,
} from "./_awaited_by.ts";
import {
  checkLimit,
  parseStack,
  type StackFrame,
  suspendedFrames,
} from "./_stack.ts";
import { objectId } from "./_object_id.ts";
import { deepStack } from "./_suspension.ts";
import { repr } from "./repr.ts";
import {
  argumentError,
  checkFunction,
  checkOptions,
  describe,
} from "./_validate.ts";

/**
 * A future or task in the call graph, with its call stack and the graphs
 * of what awaits it (Python 3.14's `FutureCallGraph`).
 */
export interface FutureCallGraph {
  /** The future or task. */
  readonly future: Future<unknown>;
  /**
   * Where a task's code is, newest frame first (none for a future that is
   * not a task, or a task that is done): its live stack if it runs now,
   * else where it suspended (see {@linkcode Task.getStack}).
   */
  readonly callStack: readonly StackFrame[];
  /** The graphs of the tasks (and futures) that await it. */
  readonly awaitedBy: readonly FutureCallGraph[];
}

/** Options for {@linkcode captureCallGraph} and {@linkcode formatCallGraph}. */
export interface CallGraphOptions {
  /**
   * For the current task's live stack: skip the newest `depth - 1` frames
   * outside this library (`1`, the default, starts at the caller).
   *
   * @default {1}
   */
  depth?: number | undefined;
  /**
   * Keep at most `Math.abs(limit)` frames of each call stack: the oldest
   * (nearest to where the task began) if positive, the newest if negative;
   * none if `0` (the graph still shows what awaits what). All by default.
   */
  limit?: number | undefined;
}

/** Options for {@linkcode printCallGraph}. */
export interface PrintCallGraphOptions extends CallGraphOptions {
  /** What prints the text; `console.log` by default (asyncio's stdout). */
  print?: ((text: string) => void) | undefined;
}

function checkFuture(method: string, future: unknown): void {
  if (!(future instanceof Future)) {
    throw new TypeError(
      `${method}() expected \`future\` to be a Future or Task, got ${
        describe(future)
      }`,
    );
  }
}

/** A call stack, newest first, cut to `limit` as asyncio's graph does. */
function cut(frames: StackFrame[], limit: number | undefined): StackFrame[] {
  if (limit === undefined) return frames;
  if (limit === 0) return [];
  return limit > 0 ? frames.slice(-limit) : frames.slice(0, -limit);
}

/** What awaits `future`: the tasks suspended on it, and those recorded. */
function waitersOf(future: Future<unknown>): Future<unknown>[] {
  const waiters = new Set<unknown>(future[WAITERS]());
  for (const waiter of recordedAwaitedBy(future)) waiters.add(waiter);
  return [...waiters].filter((waiter) => waiter instanceof Future);
}

function build(
  future: Future<unknown>,
  limit: number | undefined,
  callStack: StackFrame[] | undefined,
  path: Set<Future<unknown>>,
): FutureCallGraph {
  path.add(future);
  const frames = callStack ??
    (future instanceof Task ? suspendedFrames(future) ?? [] : []);
  const awaitedBy = waitersOf(future)
    .filter((waiter) => !path.has(waiter))
    .map((waiter) => build(waiter, limit, undefined, path));
  path.delete(future);
  return { future, callStack: cut(frames, limit), awaitedBy };
}

/**
 * Captures the async call graph of `future`, or of the current task: the
 * future, where its code is if it is a task, and, recursively, the graphs
 * of the tasks awaiting it. A task awaits the future its code is suspended
 * on (also through `Promise.all` and helpers it awaits); `gather()`
 * children are awaited by the task that gathered them, a `shield()`'s
 * inner future by the task that shielded it, a `TaskGroup`'s tasks by the
 * task that runs the group, and {@linkcode futureAddToAwaitedBy} records
 * more.
 *
 * Differences from asyncio: a task's frames are those its code suspended
 * with, recorded in debug mode (without it, its coroutine alone, without
 * a place), and the current task's live stack; JavaScript shows no frames
 * of a suspended coroutine.
 *
 * @param future The future or task; the running loop's current task by
 * default.
 * @param options How many frames to skip and keep.
 * @returns The graph, or `undefined` when no future is given and no task
 * is current.
 * @throws {Error} If no future is given and no loop runs.
 * @throws {TypeError} If `future` is not a future or an option is wrong.
 *
 * @example Usage
 * ```ts
 * import { captureCallGraph, EventLoop, gather, sleep } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const main = loop.createTask(async () => {
 *   const child = loop.createTask(() => sleep(1), { name: "child" });
 *   await sleep(0);
 *   const graph = captureCallGraph(child);
 *   await gather([child]);
 *   return graph;
 * }, { name: "main" });
 * const graph = await loop.runUntilComplete(main);
 * // The child was not gathered yet: nothing awaited it.
 * assert.equal(graph?.future.toString().includes("child"), true);
 * assert.deepEqual(graph?.awaitedBy, []);
 * loop.close();
 * ```
 */
export function captureCallGraph(
  future?: Future<unknown>,
  options: CallGraphOptions = {},
): FutureCallGraph | undefined {
  checkOptions("captureCallGraph", ["depth", "limit"], options);
  return capture("captureCallGraph", future, options);
}

function capture(
  method: string,
  future: Future<unknown> | undefined,
  options: CallGraphOptions,
): FutureCallGraph | undefined {
  const limit = checkLimit(method, options.limit);
  const depth = options.depth ?? 1;
  if (!Number.isInteger(depth) || depth < 1) {
    throw argumentError(method, "options.depth", "an integer >= 1", depth);
  }
  if (future !== undefined) checkFuture(method, future);
  const loop = runningLoop();
  if (future === undefined) {
    if (loop === null) {
      throw new Error(
        `${method}() is called outside of a running event loop and no future to introspect was provided`,
      );
    }
    future = currentTaskOf(loop);
    if (future === undefined) return undefined;
  }
  if (loop === null || future !== currentTaskOf(loop)) {
    return build(future, limit, undefined, new Set());
  }
  // The current task: its live stack, from the caller of this library.
  const frames = parseStack(deepStack()).slice(depth - 1);
  return build(future, limit, frames, new Set());
}

/** A frame as a line of the graph (3.14's shape). */
function frameLine(frame: StackFrame): string {
  const name = `${
    frame.kind === undefined ? "" : `${frame.kind} `
  }${frame.name}()`;
  return frame.file === undefined
    ? `  |   in ${name}`
    : `  |   File ${repr(frame.file)}, line ${frame.line}, in ${name}`;
}

function render(graph: FutureCallGraph, lines: string[], level: number): void {
  const indent = "    ".repeat(level);
  const future = graph.future;
  const id = objectId(future);
  lines.push(
    future instanceof Task
      ? `${indent}* Task(name=${repr(future.getName())}, id=${id})`
      : `${indent}* ${future.constructor.name}(id=${id})`,
  );
  if (graph.callStack.length > 0) {
    lines.push(`${indent}  + Call stack:`);
    for (const frame of graph.callStack) lines.push(indent + frameLine(frame));
  }
  if (graph.awaitedBy.length > 0) {
    lines.push(`${indent}  + Awaited by:`);
    for (const parent of graph.awaitedBy) render(parent, lines, level + 1);
  }
}

/**
 * Formats the async call graph of `future`, or of the current task, as
 * Python 3.14's `format_call_graph()`:
 *
 * ```text
 * * Task(name='child', id=2)
 *   + Call stack:
 *   |   File '/app/main.ts', line 4, in async child()
 *   + Awaited by:
 *     * Task(name='main', id=1)
 *       + Call stack:
 *       |   File '/app/main.ts', line 9, in async main()
 * ```
 *
 * Differences from asyncio: an `id` is a number this library gives each
 * future or task the first time it shows one, the same for as long as the
 * object lives (JavaScript has no addresses); a future that is not a task
 * shows its class's name (`GatheringFuture(id=3)`); a frame without a
 * place (recorded only in debug mode) shows as `|   in async main()`.
 *
 * @param future The future or task; the current task by default.
 * @param options How many frames to skip and keep.
 * @returns The text; `""` when no future is given and no task is current.
 * @throws {Error} If no future is given and no loop runs.
 * @throws {TypeError} If `future` is not a future or an option is wrong.
 *
 * @example Usage
 * ```ts
 * import { EventLoop, formatCallGraph, gather, sleep } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * let text = "";
 * const main = loop.createTask(async function main() {
 *   const child = loop.createTask(async function child() {
 *     await sleep(1);
 *   }, { name: "child" });
 *   loop.callLater(0.5, () => text = formatCallGraph(child));
 *   await gather([child]);
 * }, { name: "main" });
 * await loop.runUntilComplete(main);
 * assert.equal(text.replaceAll(/id=\d+/g, "id=#"), [
 *   "* Task(name='child', id=#)",
 *   "  + Call stack:",
 *   "  |   in async child()",
 *   "  + Awaited by:",
 *   "    * Task(name='main', id=#)",
 *   "      + Call stack:",
 *   "      |   in async main()",
 * ].join("\n"));
 * loop.close();
 * ```
 */
export function formatCallGraph(
  future?: Future<unknown>,
  options: CallGraphOptions = {},
): string {
  checkOptions("formatCallGraph", ["depth", "limit"], options);
  const graph = capture("formatCallGraph", future, options);
  if (graph === undefined) return "";
  const lines: string[] = [];
  render(graph, lines, 0);
  return lines.join("\n");
}

/**
 * Prints {@linkcode formatCallGraph}'s text, as Python 3.14's
 * `print_call_graph()`.
 *
 * @param future The future or task; the current task by default.
 * @param options How many frames to skip and keep, and what prints.
 * @throws {Error} If no future is given and no loop runs.
 * @throws {TypeError} If `future` is not a future or an option is wrong.
 */
export function printCallGraph(
  future?: Future<unknown>,
  options: PrintCallGraphOptions = {},
): void {
  checkOptions("printCallGraph", ["depth", "limit", "print"], options);
  const print = options.print ?? console.log;
  checkFunction("printCallGraph", "options.print", print);
  const graph = capture("printCallGraph", future, options);
  const lines: string[] = [];
  if (graph !== undefined) render(graph, lines, 0);
  print(lines.join("\n"));
}

/**
 * Records that `future` is awaited by `waiter` (a task, or a future), for
 * the call graph, as Python 3.14's `future_add_to_awaited_by()`: for code
 * that waits on a future through done callbacks rather than an `await`.
 * Forget it with {@linkcode futureDiscardFromAwaitedBy} when the wait ends.
 *
 * @param future The future awaited.
 * @param waiter The task or future awaiting it.
 * @throws {TypeError} If either is not a future.
 */
export function futureAddToAwaitedBy(
  future: Future<unknown>,
  waiter: Future<unknown>,
): void {
  checkFuture("futureAddToAwaitedBy", future);
  if (!(waiter instanceof Future)) {
    throw argumentError(
      "futureAddToAwaitedBy",
      "waiter",
      "a Future or Task",
      waiter,
    );
  }
  addAwaitedBy(future, waiter);
}

/**
 * Forgets what {@linkcode futureAddToAwaitedBy} recorded, as Python 3.14's
 * `future_discard_from_awaited_by()`.
 *
 * @param future The future awaited.
 * @param waiter The task or future that awaited it.
 * @throws {TypeError} If either is not a future.
 */
export function futureDiscardFromAwaitedBy(
  future: Future<unknown>,
  waiter: Future<unknown>,
): void {
  checkFuture("futureDiscardFromAwaitedBy", future);
  if (!(waiter instanceof Future)) {
    throw argumentError(
      "futureDiscardFromAwaitedBy",
      "waiter",
      "a Future or Task",
      waiter,
    );
  }
  discardAwaitedBy(future, waiter);
}
