import assert from "node:assert/strict";
import { EventLoop, ExceptionGroup, repr } from "../mod.ts";

// Each expected string is what python3 (3.11) prints for `print(repr(s))`
// of the same text, copied here because portable tests cannot run python3.
const PYTHON_STRINGS: Array<[string, string, string]> = [
  ["plain text", "the result", String.raw`'the result'`],
  ["empty", "", String.raw`''`],
  ["a space", " ", String.raw`' '`],
  ["a single quote", "it's", String.raw`"it's"`],
  ["double quotes", 'say "hi"', String.raw`'say "hi"'`],
  ["both quotes", `both ' and "`, String.raw`'both \' and "'`],
  ["a backslash", "back\\slash", String.raw`'back\\slash'`],
  [
    "newline, tab, return",
    "line\nbreak\ttab\rcr",
    String.raw`'line\nbreak\ttab\rcr'`,
  ],
  ["C0 controls and DEL", "\x00\x07\x1b\x7f", String.raw`'\x00\x07\x1b\x7f'`],
  ["a C1 control", "\x85", String.raw`'\x85'`],
  ["a soft hyphen (Cf)", "\xad", String.raw`'\xad'`],
  ["a no-break space (Zs)", "\xa0nbsp", String.raw`'\xa0nbsp'`],
  ["an ideographic space (Zs)", "\u3000", String.raw`'\u3000'`],
  ["a zero-width space (Cf)", "zero\u200bwidth", String.raw`'zero\u200bwidth'`],
  ["a line separator (Zl)", "\u2028", String.raw`'\u2028'`],
  ["a private-use character (Co)", "\ue000", String.raw`'\ue000'`],
  ["a lone surrogate (Cs)", "\ud800", String.raw`'\ud800'`],
  ["printable Latin-1", "caf\u00e9", "'caf\u00e9'"],
  ["printable CJK", "\u65e5\u672c\u8a9e", "'\u65e5\u672c\u8a9e'"],
  ["an astral emoji", "\u{1F600}", "'\u{1F600}'"],
];

Deno.test("repr() quotes and escapes strings as Python's repr() does", async (t) => {
  for (const [name, text, expected] of PYTHON_STRINGS) {
    await t.step(name, () => assert.equal(repr(text), expected));
  }
});

Deno.test("repr() shows errors as Python shows exceptions", () => {
  assert.equal(repr(new Error("boom")), "Error('boom')");
  assert.equal(repr(new Error()), "Error()");
  assert.equal(repr(new TypeError("it's bad")), `TypeError("it's bad")`);
  class CustomError extends Error {
    constructor(message: string) {
      super(message);
      this.name = "CustomError";
    }
  }
  assert.equal(repr(new CustomError("x")), "CustomError('x')");
});

Deno.test("repr() shows numbers, booleans, null, undefined, bigints and symbols as the host does", () => {
  assert.equal(repr(42), "42");
  assert.equal(repr(1.5), "1.5");
  assert.equal(repr(NaN), "NaN");
  assert.equal(repr(-Infinity), "-Infinity");
  assert.equal(repr(true), "true");
  assert.equal(repr(null), "null");
  assert.equal(repr(undefined), "undefined");
  assert.equal(repr(10n), "10n");
  assert.equal(repr(Symbol("tag")), "Symbol(tag)");
});

Deno.test("repr() shows functions by name", () => {
  function named(): void {}
  const anonymous = [() => {}][0];
  assert.equal(repr(named), "[Function: named]");
  assert.equal(repr(anonymous), "[Function (anonymous)]");
});

Deno.test("repr() shows arrays as Python lists, with each item in repr()", () => {
  assert.equal(repr([]), "[]");
  assert.equal(repr([1, "a", ["it's"], null]), `[1, 'a', ["it's"], null]`);
});

Deno.test("repr() shows plain objects with their values in repr()", () => {
  assert.equal(repr({}), "{}");
  assert.equal(repr({ a: 1, b: "x" }), "{ a: 1, b: 'x' }");
  assert.equal(repr({ "two words": [1] }), "{ 'two words': [1] }");
  assert.equal(repr({ nested: { deep: true } }), "{ nested: { deep: true } }");
});

Deno.test("repr() marks a circular reference instead of recursing", () => {
  const array: unknown[] = [1];
  array.push(array);
  assert.equal(repr(array), "[1, [Circular]]");
  const object: Record<string, unknown> = { name: "loop" };
  object.self = object;
  assert.equal(repr(object), "{ name: 'loop', self: [Circular] }");
  // A value seen twice, but not inside itself, is shown both times.
  const shared = { x: 1 };
  assert.equal(repr([shared, shared]), "[{ x: 1 }, { x: 1 }]");
});

Deno.test("repr() uses an object's own toString(), as futures and handles have", () => {
  const loop = new EventLoop();
  const future = loop.createFuture<string>();
  future.setResult("the result");
  assert.equal(repr(future), "<Future finished result='the result'>");
  assert.equal(repr([future]), "[<Future finished result='the result'>]");
  function callback(): void {}
  assert.equal(repr(loop.callSoon(callback)), "<Handle callback()>");
  class Point {
    constructor(readonly x: number) {}
    toString(): string {
      return `Point(${this.x})`;
    }
  }
  assert.equal(repr(new Point(3)), "Point(3)");
  loop.close();
});

Deno.test("repr() shows an ExceptionGroup with its exceptions, as Python's", () => {
  // Python: ExceptionGroup('top', [ValueError('1'), ExceptionGroup('inner',
  // [TypeError('2')])])
  const group = new ExceptionGroup("top", [
    new RangeError("1"),
    new ExceptionGroup("inner", [new TypeError("2")]),
  ]);
  assert.equal(
    repr(group),
    "ExceptionGroup('top', [RangeError('1'), ExceptionGroup('inner', [TypeError('2')])])",
  );
  // A plain AggregateError stays an error with its message.
  assert.equal(repr(new AggregateError([1], "agg")), "AggregateError('agg')");
});
