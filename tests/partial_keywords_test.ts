import assert from "node:assert/strict";
import { kw, partial } from "../mod.ts";

Deno.test("partial() binds keywords of an optional options parameter (Python's n=0)", () => {
  function callback(name: string, { n = 0 }: { n?: number } = {}): string {
    return `${name} ${n}`;
  }
  // Python: functools.partial(callback, n=1)
  const bound = partial(callback, kw({ n: 1 }));
  const typed: (name: string) => string = bound;
  assert.equal(typed("x"), "x 1");
  assert.deepEqual(bound.keywords, { n: 1 });
  assert.equal(partial(callback, "y", kw({ n: 2 }))(), "y 2");
  assert.equal(partial(callback, "z")(), "z 0");
});
