/**
 * The stack of a task, CPython's `_task_get_stack` and `_task_print_stack`
 * (`Lib/asyncio/base_tasks.py`): {@linkcode StackFrame}s parsed from the
 * host's stacks, which {@linkcode Task.getStack}, {@linkcode Task.printStack}
 * and the call graph show. Not exported from mod.ts (its type is).
 *
 * JavaScript shows no frames of a suspended coroutine: a task's stack is
 * the stack its code suspended with, which debug mode records at each
 * `await` and `yield*` (_suspension.ts), or else the task's coroutine
 * alone, without a place.
 *
 * @module
 */

import { isLibraryFrame } from "./_debug.ts";
import { coroutineName, formatCoroutine } from "./_coroutines.ts";
import { FAILURE } from "./future.ts";
import { type AbstractEventLoop, slotOf } from "./_runtime.ts";
import { deepStack, suspensionOf } from "./_suspension.ts";
import { repr } from "./repr.ts";
import { argumentError, checkFunction, checkOptions } from "./_validate.ts";

/**
 * One frame of a task's stack ({@linkcode Task.getStack}, the call graph):
 * a function, and where it is when the host tells.
 *
 * What a task's stack holds: if its code runs now, its live stack; if it is
 * suspended and the loop is in debug mode ({@linkcode EventLoop.setDebug}),
 * the stack its code suspended with, recorded at its last `await` or
 * `yield*`, with every `yield*` it delegates through and every async
 * function awaiting (where the host shows them in `then()`: Deno does,
 * Node.js 20 does not); otherwise its coroutine alone, without a place. A
 * failed task's is its exception's stack. This library's own frames and the
 * host's are left out.
 *
 * Differences from asyncio: asyncio reads a suspended coroutine's frame
 * (one frame, at the line it awaits); JavaScript shows no frames of a
 * suspended function, so the place comes from debug mode's record, and then
 * with the whole chain of awaits. A running async function's own frame has
 * no `kind` (hosts mark only the async functions awaiting it).
 */
export interface StackFrame {
  /** The function's name, `<anonymous>` if it has none. */
  readonly name: string;
  /**
   * `"async"` for an `async` function, `"generator"` for a generator
   * function, `undefined` for a plain function or when unknown.
   */
  readonly kind: "async" | "generator" | undefined;
  /** The file (a path, or a URL that is not a `file:` one), if known. */
  readonly file: string | undefined;
  /** The line, from 1, if known. */
  readonly line: number | undefined;
  /** The column, from 1, if known. */
  readonly column: number | undefined;
}

/** Options for {@linkcode Task.getStack}. */
export interface StackOptions {
  /**
   * The most frames to return: of a pending task, the newest ones (where
   * its code is); of a failed task's exception, the oldest ones. All by
   * default.
   */
  limit?: number | undefined;
}

/** Options for {@linkcode Task.printStack}. */
export interface PrintStackOptions extends StackOptions {
  /**
   * What prints the text (one string of lines); `console.error` by default,
   * as asyncio prints to `sys.stderr`.
   */
  print?: ((text: string) => void) | undefined;
}

/** The key of a task's method that returns the future it waits on. */
export const WAITING_ON: unique symbol = Symbol("waitingOn");

/** A task, as its stack is read. */
export interface IntrospectedTask {
  getCoro(): unknown;
  getLoop(): AbstractEventLoop;
  done(): boolean;
  [FAILURE](): { error: unknown } | undefined;
  [WAITING_ON](): object | undefined;
  toString(): string;
}

// `    at async name (file:line:col)`, `    at name (file:line:col)`,
// `    at file:line:col`; and `name@file:line:col` (Firefox, Safari).
const V8_FRAME = /^\s*at (?:(async) )?(?:(.*?) \((.*)\)|(.*))$/;
const OTHER_FRAME = /^\s*(.*?)@(.*)$/;
const PLACE = /^(.*):(\d+):(\d+)$/;

function place(text: string): [string, number, number] | undefined {
  const match = PLACE.exec(text);
  if (match === null) return undefined;
  return [
    match[1]!.replace(/^file:\/\//, ""),
    Number(match[2]),
    Number(match[3]),
  ];
}

/**
 * The frames of a host stack (`error.stack`) outside this library, newest
 * first, as the host lists them. A frame that a generator's `next()`
 * resumed is a generator's.
 */
export function parseStack(stack: string): StackFrame[] {
  const frames: StackFrame[] = [];
  let previous: { kind: StackFrame["kind"] } | undefined;
  for (const line of stack.split("\n")) {
    let name: string, where: string | undefined, kind: StackFrame["kind"];
    const v8 = V8_FRAME.exec(line);
    if (v8 !== null) {
      kind = v8[1] === "async" ? "async" : undefined;
      name = v8[2] ?? "";
      where = v8[3] ?? v8[4];
    } else {
      const other = OTHER_FRAME.exec(line);
      if (other === null) continue;
      kind = undefined;
      name = other[1]!;
      where = other[2];
    }
    const at = place(where ?? "");
    if (at === undefined) {
      // `gen.next (<anonymous>)`: the frame before it is a generator's.
      if (/\.(next|throw|return)$/.test(name) && previous !== undefined) {
        previous.kind = "generator";
      }
      continue;
    }
    // The library's frames, and the host's own (`ext:`, `node:`).
    if (isLibraryFrame(line.trim()) || /^(ext|node):/.test(at[0])) {
      previous = undefined;
      continue;
    }
    const frame = {
      name: name === "" ? "<anonymous>" : name,
      kind,
      file: at[0],
      line: at[1],
      column: at[2],
    };
    frames.push(frame);
    previous = frame;
  }
  return frames;
}

/** Keeps the `limit` frames of `frames` nearest to `end` (its end or start). */
function limited(
  frames: StackFrame[],
  limit: number | undefined,
  end: "newest" | "oldest",
): StackFrame[] {
  if (limit === undefined || limit >= frames.length) return frames;
  if (limit <= 0) return [];
  return end === "oldest" ? frames.slice(0, limit) : frames.slice(-limit);
}

/**
 * Where `task`'s code is, newest frame first: its live stack if it runs
 * now, else the stack debug mode recorded at its suspension, else its
 * coroutine alone; or `undefined` if it is done.
 */
export function suspendedFrames(
  task: IntrospectedTask,
): StackFrame[] | undefined {
  if (task.done()) return undefined;
  if ((slotOf(task.getLoop()).current() as unknown) === task) {
    return parseStack(deepStack());
  }
  const suspension = suspensionOf(task);
  if (suspension !== undefined && suspension.future === task[WAITING_ON]()) {
    const frames = parseStack(suspension.stack);
    if (frames.length > 0) return frames;
  }
  const { kind, name } = coroutineName(task.getCoro());
  if (kind === "promise") return [];
  return [{ name, kind, file: undefined, line: undefined, column: undefined }];
}

/**
 * CPython's `_task_get_stack`: the frames of a pending task (oldest first,
 * the newest `limit` of them), or of the exception a failed task ended
 * with (the oldest `limit`); none for a task that finished otherwise.
 */
export function taskStack(
  task: IntrospectedTask,
  options: StackOptions,
): StackFrame[] {
  checkOptions("getStack", ["limit"], options);
  const limit = checkLimit("getStack", options.limit);
  const frames = suspendedFrames(task);
  if (frames !== undefined) return limited(frames.reverse(), limit, "newest");
  const error = task[FAILURE]()?.error;
  if (!(error instanceof Error) || error.stack === undefined) return [];
  return limited(parseStack(error.stack).reverse(), limit, "oldest");
}

/** A frame as a line of a printed stack (Python's `traceback` shape). */
function frameLine(frame: StackFrame): string {
  return frame.file === undefined
    ? `  in ${frame.name}`
    : `  File "${frame.file}", line ${frame.line}, in ${frame.name}`;
}

/** Checks a `limit` option: an integer, or `undefined` for all. */
export function checkLimit(
  method: string,
  limit: unknown,
): number | undefined {
  if (limit === undefined || Number.isInteger(limit)) {
    return limit as number | undefined;
  }
  throw argumentError(method, "options.limit", "an integer", limit);
}

/**
 * CPython's `_task_print_stack`: `Stack for <Task ...> (most recent call
 * last):` (or `Traceback for`, or `No stack for`), then a line per frame,
 * then a failed task's exception.
 */
export function printTaskStack(
  task: IntrospectedTask,
  options: PrintStackOptions,
): void {
  checkOptions("printStack", ["limit", "print"], options);
  checkLimit("printStack", options.limit);
  const print = options.print ?? console.error;
  checkFunction("printStack", "options.print", print);
  const frames = taskStack(task, { limit: options.limit });
  const failure = task[FAILURE]();
  const lines = [
    frames.length === 0
      ? `No stack for ${task}`
      : `${
        failure === undefined ? "Stack" : "Traceback"
      } for ${task} (most recent call last):`,
    ...frames.map(frameLine),
  ];
  if (failure !== undefined) {
    const error = failure.error;
    lines.push(
      error instanceof Error ? `${error.name}: ${error.message}` : repr(error),
    );
  }
  print(lines.join("\n"));
}

/**
 * A task's repr with its coroutine, as asyncio's `repr()` of a task shows
 * it: `<Task pending name='a' coro=<main() running at main.ts:3> ...>`
 * (the place where debug mode saw it suspend). The slow-callback warning
 * names tasks so, as asyncio's `_format_handle` does.
 */
export function taskReprWithCoro(task: object): string {
  const text = String(task);
  const named = task as Partial<IntrospectedTask> & { getName?: unknown };
  if (
    typeof named.getName !== "function" || typeof named.getCoro !== "function"
  ) return text;
  const introspected = task as IntrospectedTask & { getName(): string };
  const name = ` name=${repr(introspected.getName())}`;
  const at = text.indexOf(name) + name.length;
  if (at < name.length) return text;
  const place = suspendedFrames(introspected)?.find((frame) => frame.file);
  const coro = formatCoroutine(
    introspected.getCoro(),
    introspected.done(),
    place && `${place.file}:${place.line}`,
  );
  return `${text.slice(0, at)} coro=<${coro}>${text.slice(at)}`;
}
