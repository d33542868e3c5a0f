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
 * Throws unless `value` is `undefined` or an options object; `fields` names
 * the options in the message, such as `{ loop }`. An event loop passed where
 * its options belong (`new Future(loop)`) is refused too.
 */
export function checkOptions(
  method: string,
  fields: string,
  value: unknown,
): void {
  if (value === undefined) return;
  if (typeof value !== "object" || value === null || isLoop(value)) {
    throw argumentError(
      method,
      "options",
      `an object such as ${fields}`,
      value,
    );
  }
}

/**
 * Throws a TypeError naming the first key of `options` (an object, or
 * `undefined`) that is not one of `known`: a misspelt option is an error,
 * never ignored.
 */
export function checkOptionKeys(
  method: string,
  options: object | undefined,
  known: readonly string[],
): void {
  if (options === undefined) return;
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new TypeError(
        `${method}() got an unknown option ${
          JSON.stringify(key)
        } (its options: ${known.join(", ")})`,
      );
    }
  }
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

/** Options for the {@linkcode EventLoop} constructor. */
export interface EventLoopOptions {
  /**
   * `"real"` runs timers on `performance.now()`; `"virtual"` starts
   * {@linkcode EventLoop.time} at 0 and, whenever nothing is ready, jumps
   * straight to the next timer, without waiting.
   *
   * @default {"real"}
   */
  clock?: "real" | "virtual" | undefined;
}

/**
 * Checks an event loop's options (`{ clock }`); returns whether the clock
 * is virtual.
 */
export function checkClockOption(
  method: string,
  options: { clock?: unknown } | undefined,
): boolean {
  checkOptions(method, "{ clock }", options);
  const clock = options?.clock ?? "real";
  if (clock !== "real" && clock !== "virtual") {
    throw argumentError(method, "options.clock", '"real" or "virtual"', clock);
  }
  return clock === "virtual";
}
