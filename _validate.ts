/**
 * Argument checks shared by the public functions, methods and constructors.
 * Every message has one shape: `<function>() expected \`<argument>\` to be
 * <what>, got <value>`, with strings in double quotes and other values as
 * {@linkcode repr} shows them. A value's type being wrong is a `TypeError`;
 * a number that is `NaN` is a `RangeError`.
 *
 * Nothing here is exported from mod.ts.
 *
 * @module
 */

import { repr } from "./repr.ts";

/**
 * Shows a bad argument in an error message; never throws. An instance of a
 * class is prefixed with the class's name, as inspectors show it
 * (`Promise {}`, not `{}`).
 */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  try {
    const text = repr(value);
    if (typeof value === "object" && value !== null && text.startsWith("{")) {
      const name = Object.getPrototypeOf(value)?.constructor?.name;
      if (typeof name === "string" && name !== "" && name !== "Object") {
        return `${name} ${text}`;
      }
    }
    return text;
  } catch {
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return "an unprintable value";
    }
  }
}

/** The TypeError for `method()`'s argument `name`. */
export function argumentError(
  method: string,
  name: string,
  what: string,
  value: unknown,
): TypeError {
  return new TypeError(
    `${method}() expected \`${name}\` to be ${what}, got ${describe(value)}`,
  );
}

/**
 * The error of `method()` given `future`, a future of another loop than
 * the one it works on, which `loop` describes ("the running one").
 */
export function foreignFutureError(
  method: string,
  future: unknown,
  loop: string,
): Error {
  return new Error(
    `${method}() got ${
      describe(future)
    }, a future of another EventLoop than ${loop}`,
  );
}

/** Throws unless `value` is a function. */
export function checkFunction(
  method: string,
  name: string,
  value: unknown,
): void {
  if (typeof value !== "function") {
    throw argumentError(method, name, "a function", value);
  }
}

/** Throws unless `value` is a function or `null`. */
export function checkFunctionOrNull(
  method: string,
  name: string,
  value: unknown,
): void {
  if (value !== null && typeof value !== "function") {
    throw argumentError(method, name, "a function or null", value);
  }
}

/** Throws unless `value` is a number of seconds (not NaN; ±Infinity is). */
export function checkTime(method: string, name: string, value: unknown): void {
  if (typeof value !== "number") {
    throw argumentError(method, name, "a number of seconds", value);
  }
  if (Number.isNaN(value)) {
    throw new RangeError(
      `${method}() expected \`${name}\` to be a number of seconds, got NaN`,
    );
  }
}

/** Throws unless `value` is a number of seconds >= 0 (a property's). */
export function checkDuration(name: string, value: unknown): void {
  if (typeof value === "number" && value >= 0) return;
  const message = `${name} expected a number of seconds >= 0, got ${
    describe(value)
  }`;
  throw typeof value === "number"
    ? new RangeError(message)
    : new TypeError(message);
}

/**
 * Throws unless `value` is `undefined` or an options object whose own keys
 * are all among `keys`, the options `method()` takes: a misspelt option
 * (`{ clok: "virtual" }`) would otherwise be ignored without a word. An
 * event loop passed where its options belong (`new Future(loop)`) is
 * refused too.
 *
 * @param method The function, method or class, without parentheses.
 * @param keys Every option it takes.
 * @param value The options given.
 */
export function checkOptions(
  method: string,
  keys: readonly string[],
  value: unknown,
): void {
  if (value === undefined) return;
  if (typeof value !== "object" || value === null || isLoop(value)) {
    throw argumentError(
      method,
      "options",
      `an object such as ${optionList(keys)}`,
      value,
    );
  }
  for (const key in value) {
    if (!keys.includes(key) && Object.hasOwn(value, key)) {
      throw new TypeError(
        `${method}() got an unknown option ${JSON.stringify(key)}: it takes ${
          optionList(keys)
        }`,
      );
    }
  }
}

function optionList(keys: readonly string[]): string {
  return keys.length === 0 ? "no options" : `{ ${keys.join(", ")} }`;
}

/** Whether `value` looks like an event loop (the check avoids an import). */
export function isLoop(value: unknown): boolean {
  return typeof value === "object" && value !== null &&
    typeof (value as { callSoon?: unknown }).callSoon === "function" &&
    typeof (value as { runForever?: unknown }).runForever === "function";
}

/** Throws unless `value` is an event loop. */
export function checkLoop(method: string, name: string, value: unknown): void {
  if (!isLoop(value)) throw argumentError(method, name, "an EventLoop", value);
}

/** Whether `value` has a callable `then`. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function";
}

/** Whether `value` is a generator (an iterator with `throw`). */
export function isGenerator(
  value: unknown,
): value is Generator<unknown, unknown, unknown> {
  return typeof value === "object" && value !== null &&
    typeof (value as { next?: unknown }).next === "function" &&
    typeof (value as { throw?: unknown }).throw === "function" &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] ===
      "function";
}

/**
 * Throws unless `value` is a function, a thenable or a generator (a task's
 * `coro`).
 */
export function checkCoroutine(
  method: string,
  name: string,
  value: unknown,
  what = "a function or a promise",
): void {
  if (
    typeof value !== "function" && !isThenable(value) && !isGenerator(value)
  ) {
    throw argumentError(method, name, what, value);
  }
}

/** Throws unless `value` is an exception context object. */
export function checkContext(method: string, value: unknown): void {
  if (typeof value !== "object" || value === null) {
    throw argumentError(
      method,
      "context",
      "an object such as { message }",
      value,
    );
  }
}

/** The keys of task.ts's `TaskOptions`, for {@linkcode checkOptions}. */
export const TASK_OPTIONS: readonly string[] = [
  "name",
  "loop",
  "signal",
  "context",
  "eagerStart",
];
const CREATE_TASK_OPTIONS = TASK_OPTIONS.filter((key) => key !== "loop");

/** Checks the options of `method()`, a `createTask()`: a task's but `loop`. */
export function checkCreateTaskOptions(method: string, options: unknown): void {
  checkOptions(method, CREATE_TASK_OPTIONS, options);
}

/** The keys of {@linkcode EventLoopOptions}, for {@linkcode checkOptions}. */
export const EVENT_LOOP_OPTIONS: readonly string[] = ["clock", "autojump"];

/** Options for the {@linkcode EventLoop} constructor. */
export interface EventLoopOptions {
  /**
   * `"real"` runs timers on `performance.now()`; `"virtual"` starts
   * {@linkcode EventLoop.time} at 0 and moves it as `autojump` says, and
   * when {@linkcode EventLoop.advance} is called.
   *
   * @default {"real"}
   */
  clock?: "real" | "virtual" | undefined;
  /**
   * Only with `clock: "virtual"`: when the clock jumps to the next timer by
   * itself, once nothing is ready to run (Trio's `autojump_threshold`).
   * `true` (the default): at once, with no wall-clock waiting. `false`:
   * never; time moves only by {@linkcode EventLoop.advance}, and an idle
   * loop waits for it (or for work scheduled from outside). A number of
   * seconds (finite, >= 0): after the loop has been idle that long in real
   * time, so that real I/O that takes less (a loopback request, a host
   * timer) comes first. In every mode, while a task is away on foreign work
   * (a fetch, a host timer), the clock does not jump before as much real
   * time has passed as the jump would cover.
   *
   * @default {true}
   *
   * @example Fake timers: the clock moves only when told
   * ```ts
   * import { EventLoop, sleep } from "asyncio-ts";
   * import assert from "node:assert/strict";
   *
   * const loop = new EventLoop({ clock: "virtual", autojump: false });
   * const main = loop.runUntilComplete(() => sleep(60, "done"));
   * await loop.advance(59);
   * assert.equal(loop.time(), 59);
   * assert.equal(loop.isRunning(), true); // main still sleeps
   * await loop.advance(1);
   * assert.equal(await main, "done");
   *
   * // Not running, the loop is run for the time advanced, then stopped.
   * const seen: number[] = [];
   * loop.callLater(0.5, () => seen.push(loop.time()));
   * loop.callLater(2, () => seen.push(loop.time()));
   * await loop.advance(1);
   * assert.deepEqual(seen, [60.5]);
   * assert.equal(loop.isRunning(), false);
   * loop.close();
   * ```
   */
  autojump?: boolean | number | undefined;
}

/**
 * Checks an event loop's options (`{ clock, autojump }`); returns `null`
 * for a real clock, or for a virtual one the real seconds it stays idle
 * before it jumps (`autojump: true` is 0, `false` is `Infinity`).
 */
export function checkClockOption(
  method: string,
  options: { clock?: unknown; autojump?: unknown } | undefined,
): number | null {
  checkOptions(method, EVENT_LOOP_OPTIONS, options);
  const clock = options?.clock ?? "real";
  if (clock !== "real" && clock !== "virtual") {
    throw argumentError(method, "options.clock", '"real" or "virtual"', clock);
  }
  const autojump = options?.autojump;
  if (autojump !== undefined && clock !== "virtual") {
    throw new TypeError(
      `${method}() got \`options.autojump\` ${
        describe(autojump)
      } with the real clock: autojump is an option of clock: "virtual"`,
    );
  }
  if (clock === "real") return null;
  if (autojump === undefined || autojump === true) return 0;
  if (autojump === false) return Infinity;
  const what = "true, false or a finite number of seconds >= 0";
  if (typeof autojump !== "number") {
    throw argumentError(method, "options.autojump", what, autojump);
  }
  if (!(autojump >= 0 && autojump < Infinity)) {
    throw new RangeError(
      `${method}() expected \`options.autojump\` to be ${what}, got ${
        describe(autojump)
      }`,
    );
  }
  return autojump;
}
