/**
 * {@linkcode repr}, Python's `repr()` for the values that asyncio programs
 * print: strings in Python's quoting, errors as `Error('boom')`.
 *
 * @module
 */

// Python's str.isprintable() is false for these categories (space excepted).
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, "0");
}

function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === quote || char === "\\") out += "\\" + char;
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (char !== " " && NON_PRINTABLE.test(char)) {
      if (code < 0x100) out += "\\x" + hex(code, 2);
      else if (code < 0x10000) out += "\\u" + hex(code, 4);
      else out += "\\U" + hex(code, 8);
    } else out += char;
  }
  return out + quote;
}

function hasOwnToString(value: object): boolean {
  for (
    let proto = Object.getPrototypeOf(value);
    proto !== null && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    if (Object.hasOwn(proto, "toString")) return true;
  }
  return Object.hasOwn(value, "toString");
}

function reprValue(value: unknown, seen: Set<object>): string {
  switch (typeof value) {
    case "string":
      return reprString(value);
    case "bigint":
      return `${value}n`;
    case "function":
      return value.name
        ? `[Function: ${value.name}]`
        : "[Function (anonymous)]";
    case "symbol":
    case "number":
    case "boolean":
    case "undefined":
      return String(value);
  }
  if (value === null) return "null";
  const object = value as object;
  if (seen.has(object)) return "[Circular]";
  seen.add(object);
  try {
    if (object instanceof AggregateError && "exceptions" in object) {
      // An ExceptionGroup, as Python shows one: its message and exceptions.
      return `${object.name}(${reprString(object.message)}, ${
        reprValue(object.errors, seen)
      })`;
    }
    if (object instanceof Error) {
      return `${object.name}(${
        object.message ? reprString(object.message) : ""
      })`;
    }
    if (Array.isArray(object)) {
      return `[${object.map((item) => reprValue(item, seen)).join(", ")}]`;
    }
    if (hasOwnToString(object)) return String(object);
    // Python's `<generator object gen at 0x...>`, without the name and the
    // address, which JavaScript does not give.
    if (Object.prototype.toString.call(object) === "[object Generator]") {
      return "<generator object>";
    }
    const entries = Object.entries(object).map(([key, item]) =>
      `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : reprString(key)}: ${
        reprValue(item, seen)
      }`
    );
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  } finally {
    seen.delete(object);
  }
}

/**
 * Formats a value as Python's `repr()` does for the values that the examples
 * print.
 *
 * Strings come back in Python's quoting (`'the result'`, or `"it's"` when the
 * text holds a single quote and no double quote), with Python's escapes.
 * Errors come back as `Error('boom')`, as Python shows an exception. Objects
 * with their own `toString()` (futures, handles) use it; other values are
 * shown as the host's inspector would show them.
 *
 * @param value The value to format.
 * @returns The formatted value.
 *
 * @example Usage
 * ```ts
 * import { repr } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(repr("the result"), "'the result'");
 * assert.equal(repr("it's"), `"it's"`);
 * assert.equal(repr(new Error("boom")), "Error('boom')");
 * assert.equal(repr(42), "42");
 * ```
 */
export function repr(value: unknown): string {
  return reprValue(value, new Set());
}

// reprlib.Repr's limits, as asyncio's reprlib.repr() uses them.
const MAX_LEVEL = 6;
const MAX_STRING = 30;
const MAX_LIST = 6;
const MAX_DICT = 4;
const MAX_LONG = 40;
const MAX_OTHER = 30;
const FILL = "...";

/** Keeps the first and last code points of `text`, `max` in all. */
function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const i = Math.max(0, Math.floor((max - 3) / 2));
  const j = Math.max(0, max - 3 - i);
  return chars.slice(0, i).join("") + FILL +
    chars.slice(chars.length - j).join("");
}

function shortValue(value: unknown, level: number): string {
  if (typeof value === "string") {
    // reprlib.Repr.repr_str: the repr of the first characters; if that is
    // too long, the repr of the ends, cut around '...'.
    const chars = Array.from(value);
    const text = reprString(chars.slice(0, MAX_STRING).join(""));
    if (Array.from(text).length <= MAX_STRING) return text;
    const i = Math.floor((MAX_STRING - 3) / 2);
    const j = MAX_STRING - 3 - i;
    const ends = Array.from(
      reprString(
        chars.slice(0, i).join("") + chars.slice(chars.length - j).join(""),
      ),
    );
    return ends.slice(0, i).join("") + FILL +
      ends.slice(ends.length - j).join("");
  }
  if (typeof value === "bigint") return shorten(repr(value), MAX_LONG);
  if (Array.isArray(value)) {
    if (level <= 0 && value.length > 0) return `[${FILL}]`;
    const pieces = value.slice(0, MAX_LIST).map((item) =>
      shortValue(item, level - 1)
    );
    if (value.length > MAX_LIST) pieces.push(FILL);
    return `[${pieces.join(", ")}]`;
  }
  if (
    typeof value === "object" && value !== null && !(value instanceof Error) &&
    !hasOwnToString(value)
  ) {
    // A plain object stands for a dict: at most MAX_DICT entries.
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    if (level <= 0) return `{ ${FILL} }`;
    const pieces = entries.slice(0, MAX_DICT).map(([key, item]) =>
      `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : reprString(key)}: ${
        shortValue(item, level - 1)
      }`
    );
    if (entries.length > MAX_DICT) pieces.push(FILL);
    return `{ ${pieces.join(", ")} }`;
  }
  if (typeof value === "number" && Number.isInteger(value)) {
    return shorten(repr(value), MAX_LONG);
  }
  return shorten(repr(value), MAX_OTHER);
}

/**
 * Python's `reprlib.repr()`, which asyncio uses for the results and
 * arguments in the reprs of futures and handles: {@linkcode repr}, with
 * strings cut to 30 characters around `...`, arrays to 6 items, objects to
 * 4 entries, nesting to 6 levels, and any other repr to 30 characters.
 *
 * @param value The value to format.
 * @returns The shortened repr.
 */
export function shortRepr(value: unknown): string {
  return shortValue(value, MAX_LEVEL);
}

/**
 * Makes `Deno.inspect`, `console.log` and Node's `util.inspect` show the
 * objects of a class as their `toString()` does (asyncio's `repr()`).
 */
export function inspectAsString(prototype: object): void {
  for (const key of ["Deno.customInspect", "nodejs.util.inspect.custom"]) {
    Object.defineProperty(prototype, Symbol.for(key), {
      value(this: object): string {
        return this.toString();
      },
      writable: true,
      configurable: true,
    });
  }
}
