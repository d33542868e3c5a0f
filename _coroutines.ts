/**
 * What a task runs, and how it is named in reprs and stacks: the
 * {@linkcode Coroutine} and {@linkcode GeneratorCoroutine} types, the
 * task's options, and
 * CPython's `_format_coroutine` (`Lib/asyncio/coroutines.py`). Not exported
 * from mod.ts (its types are, through task.ts).
 *
 * @module
 */

import type { TaskContextOption } from "./contextvars.ts";
import type { AbstractEventLoop } from "./_runtime.ts";

/**
 * What a task runs: an `async` function, called on the task's first step as
 * asyncio starts a coroutine, or a promise of work that is already running.
 */
export type Coroutine<T> = (() => T | PromiseLike<T>) | PromiseLike<T>;

/**
 * A generator coroutine: a generator function (called on the task's first
 * step) or a generator not started yet, as asyncio's generator-based
 * coroutines (`yield from future`). The task steps it itself: `yield*
 * future` suspends it until the future is done and evaluates to its
 * result, a bare `yield` gives up one loop iteration (asyncio's
 * `sleep(0)`), and cancellation is thrown in at the `yield*` it is
 * suspended on.
 */
export type GeneratorCoroutine<T> =
  | (() => Generator<unknown, T, unknown>)
  | Generator<unknown, T, unknown>;

/** Options for {@linkcode Task} and {@linkcode EventLoop.createTask}. */
export interface TaskOptions extends TaskContextOption {
  /** The task's name; `Task-N` by default, as in asyncio. */
  name?: string | undefined;
  /** The loop to run on. Defaults to {@linkcode getEventLoop}'s loop. */
  loop?: AbstractEventLoop | undefined;
  /**
   * Cancels the task when it aborts (with the reason's message). The task
   * removes its listener when it finishes, so a long-lived signal keeps no
   * reference to finished tasks.
   */
  signal?: AbortSignal | undefined;
  /**
   * Runs the task's first step at once, inside the call that creates it,
   * while its loop is running (as asyncio's `eager_start`, 3.12's eager
   * tasks): a task that finishes without suspending is never scheduled.
   * See {@linkcode eagerTaskFactory}.
   *
   * @default {false}
   */
  eagerStart?: boolean | undefined;
}

// A generator object does not tell which function made it; its prototype
// is that function's `prototype` object. The function is kept there, under
// a key of ours, once per function, when a task's function returns a
// generator: no cost per task, and any generator of it is named.
const MADE_BY: unique symbol = Symbol("asyncio-ts generator function");

/**
 * `fn` returned `generator` (a task's first step): generators of `fn` are
 * named after it from now on.
 */
export function noteGeneratorFunction(generator: object, fn: object): void {
  const prototype = Object.getPrototypeOf(generator) as
    | Record<symbol, unknown>
    | null;
  if (
    prototype !== null && prototype[MADE_BY] === undefined &&
    Object.isExtensible(prototype) &&
    Object.prototype.hasOwnProperty.call(fn, "prototype") &&
    (fn as { prototype?: unknown }).prototype === prototype
  ) {
    Object.defineProperty(prototype, MADE_BY, { value: fn });
  }
}

/** How a coroutine is shown: its kind and the name of its function. */
export interface CoroutineName {
  /** `async`, `generator`, or `promise` (a task that follows a promise). */
  kind: "async" | "generator" | "promise";
  /** The function's name; `<anonymous>` when it has none. */
  name: string;
}

function isGeneratorObject(value: unknown): value is Generator {
  return typeof value === "object" && value !== null &&
    typeof (value as Generator).next === "function" &&
    typeof (value as Generator).throw === "function" &&
    typeof (value as Generator)[Symbol.iterator] === "function";
}

function nameOf(fn: unknown): string {
  const name = typeof fn === "function" ? fn.name : "";
  return name === "" ? "<anonymous>" : name;
}

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;

/**
 * The kind and name of what a task runs (its `getCoro()`): a function, a
 * generator, or a promise.
 */
export function coroutineName(coro: unknown): CoroutineName {
  if (typeof coro === "function") {
    return {
      kind: coro instanceof GeneratorFunction ? "generator" : "async",
      name: nameOf(coro),
    };
  }
  if (isGeneratorObject(coro)) {
    const prototype = Object.getPrototypeOf(coro) as Record<symbol, unknown>;
    return { kind: "generator", name: nameOf(prototype?.[MADE_BY]) };
  }
  return { kind: "promise", name: "<promise>" };
}

/**
 * CPython's `_format_coroutine`: `main() running`, `main() done`, with
 * where it is suspended when known (`running at file.ts:3`).
 */
export function formatCoroutine(
  coro: unknown,
  done: boolean,
  location?: string,
): string {
  const { kind, name } = coroutineName(coro);
  if (kind === "promise") return `${name} ${done ? "done" : "running"}`;
  if (done) return `${name}() done`;
  return location === undefined
    ? `${name}() running`
    : `${name}() running at ${location}`;
}
