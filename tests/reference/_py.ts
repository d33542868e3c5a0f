/**
 * Python's `print()` and `str()` for the TypeScript side of a differential
 * pair, so that it reads line for line like the Python beside it.
 *
 * @module
 */

import { repr } from "../../mod.ts";

/**
 * Python's `str()` for the values the pairs print: `True`/`False`, `None`
 * for `null` and `undefined`, strings as they are, an error as its message,
 * everything else as {@linkcode repr} formats it.
 *
 * @param value The value.
 * @returns The text Python's `str()` gives for its counterpart.
 */
export function str(value: unknown): string {
  if (value === true) return "True";
  if (value === false) return "False";
  if (value === null || value === undefined) return "None";
  if (typeof value === "string") return value;
  if (value instanceof Error) return value.message;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  return repr(value);
}

/**
 * Python's `repr()` for the values the pairs print: {@linkcode repr} with
 * `True`/`False` and `None`.
 *
 * @param value The value.
 * @returns The text Python's `repr()` gives for its counterpart.
 */
export function pyRepr(value: unknown): string {
  if (typeof value === "boolean" || value === null || value === undefined) {
    return str(value);
  }
  if (Array.isArray(value)) return str(value);
  return repr(value);
}

/**
 * Python's `print(*values)`: the values through {@linkcode str}, separated
 * by spaces.
 *
 * @param values What to print.
 */
export function print(...values: unknown[]): void {
  console.log(values.map(str).join(" "));
}

/** Python's `ValueError`, so that `repr()` shows `ValueError('boom')`. */
export class ValueError extends Error {
  /** The class name, as Python's `type(e).__name__`. */
  override name = "ValueError";
}

/** Python's `type(error).__name__`. */
export function typeName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
