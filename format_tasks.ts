/**
 * {@linkcode formatTasks}: the live tasks of a loop, one line each, the
 * `ps` for asyncio that cpython#91048 asks for (Python 3.14 has it only
 * from outside the process, as `python -m asyncio ps`).
 *
 * @module
 */

import { Task } from "./task.ts";
import { allTasks, currentTaskOf } from "./tasks.ts";
import type { AbstractEventLoop } from "./_runtime.ts";
import { coroutineName } from "./_coroutines.ts";
import { suspendedFrames, WAITING_ON } from "./_stack.ts";
import { suspensionOf } from "./_suspension.ts";
import { objectId } from "./_object_id.ts";
import { repr } from "./repr.ts";

const HEADER = ["ID", "NAME", "STATE", "FOR", "CORO", "AWAITING"];

/** What a task awaits, in one cell. */
function awaiting(task: Task<unknown>): string {
  const future = task[WAITING_ON]();
  if (future === undefined) return "-";
  if (future instanceof Task) {
    return `Task(name=${repr(future.getName())}, id=${objectId(future)})`;
  }
  return String(future);
}

/** The task's coroutine, and where it is when debug mode recorded it. */
function coro(task: Task<unknown>): string {
  const { kind, name } = coroutineName(task.getCoro());
  const text = kind === "promise" ? name : `${kind} ${name}()`;
  const place = suspendedFrames(task)?.find((frame) => frame.file);
  return place === undefined ? text : `${text} at ${place.file}:${place.line}`;
}

/**
 * Formats the live tasks of `loop`, one line each under a header line:
 * the task's id (as the call graph shows it) and name, its state
 * (`running` if its code runs now, `cancelling` once cancelled, else
 * `pending`), for how long it has waited, its coroutine (where it is
 * suspended, in debug mode), and what it awaits: a task, a future, or `-`
 * (it is about to run, or awaits something foreign, such as a `fetch`).
 *
 * How long a task has waited, on the loop's clock (so a virtual clock gives
 * exact figures), and where it is suspended, are recorded in debug mode
 * only ({@linkcode EventLoop.setDebug}): they cost a clock read and a stack
 * at every await. Without it, `FOR` shows `-`.
 *
 * @param loop The loop; the running loop by default.
 * @returns The text, without a final newline.
 * @throws {Error} If no loop is given and none is running.
 *
 * @example Usage
 * ```ts
 * import { EventLoop, formatTasks, sleep } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * loop.setDebug(true);
 * let text = "";
 * const main = loop.createTask(async function main() {
 *   const worker = loop.createTask(async function work() {
 *     await sleep(5);
 *   }, { name: "worker" });
 *   loop.callLater(1.5, () => text = formatTasks(loop));
 *   await worker;
 * }, { name: "main" });
 * await loop.runUntilComplete(main);
 * const [header, mainLine, workerLine] = text.split("\n");
 * assert.match(header!, /^ID +NAME +STATE +FOR +CORO +AWAITING$/);
 * assert.match(mainLine!, /main +pending +1\.500s +async main\(\).*Task\(name='worker'/);
 * assert.match(workerLine!, /worker +pending +1\.500s +async work\(\).*<SleepFuture pending/);
 * loop.close();
 * ```
 */
export function formatTasks(loop?: AbstractEventLoop): string {
  const tasks = [...allTasks(loop)];
  const on = tasks[0]?.getLoop();
  const current = on === undefined ? undefined : currentTaskOf(on);
  const rows = tasks.map((task) => {
    const future = task[WAITING_ON]();
    const suspension = suspensionOf(task);
    const waited = future !== undefined && suspension?.future === future
      ? `${(task.getLoop().time() - suspension.since).toFixed(3)}s`
      : "-";
    const state = task === current
      ? "running"
      : task.cancelling() > 0
      ? "cancelling"
      : "pending";
    return [
      String(objectId(task)),
      task.getName(),
      state,
      waited,
      coro(task),
      awaiting(task),
    ];
  });
  const widths = HEADER.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length))
  );
  return [HEADER, ...rows].map((row) =>
    row.map((cell, column) =>
      column === row.length - 1 ? cell : cell.padEnd(widths[column]!)
    ).join("  ")
  ).join("\n");
}
