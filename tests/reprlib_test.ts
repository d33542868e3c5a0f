import assert from "node:assert/strict";
import { EventLoop } from "../mod.ts";
import { shortRepr } from "../repr.ts";

Deno.test("shortRepr() shortens as Python's reprlib.repr()", async (t) => {
  // Each expected text is what Python 3.11's reprlib.repr() prints.
  const cases: Array<[string, unknown, string]> = [
    ["a short string", "a".repeat(28), `'${"a".repeat(28)}'`],
    [
      "a string whose repr is 31 long",
      "b".repeat(29),
      "'bbbbbbbbbbbb...bbbbbbbbbbbbb'",
    ],
    [
      "a quote",
      "it's a string with a quote and more",
      `"it's a strin...uote and more"`,
    ],
    ["six items", [0, 1, 2, 3, 4, 5], "[0, 1, 2, 3, 4, 5]"],
    ["seven items", [0, 1, 2, 3, 4, 5, 6], "[0, 1, 2, 3, 4, 5, ...]"],
    ["deep nesting", [[[[[[["deep"]]]]]]], "[[[[[[[...]]]]]]]"],
    [
      "a long error",
      new Error("a message long enough to be shortened"),
      "Error('a mess...be shortened')",
    ],
    ["a number", 42, "42"],
  ];
  for (const [name, value, expected] of cases) {
    await t.step(name, () => assert.equal(shortRepr(value), expected));
  }
});

Deno.test("Future.toString() and Handle.toString() shorten results and arguments", () => {
  const loop = new EventLoop();
  const future = loop.createFuture<string>();
  future.setResult("the quick brown fox jumps over the lazy dog");
  assert.equal(
    String(future),
    "<Future finished result='the quick br... the lazy dog'>",
  );
  function cb(..._args: unknown[]): void {}
  const handle = loop.callSoon(cb, [0, 1, 2, 3, 4, 5, 6]);
  assert.equal(String(handle), "<Handle cb([0, 1, 2, 3, 4, 5, ...])>");
  const failed = loop.createFuture<string>();
  failed.setException(new Error("exceptions are shown in full, however long"));
  assert.equal(
    String(failed),
    "<Future finished exception=Error('exceptions are shown in full, however long')>",
  );
  loop.close();
});
