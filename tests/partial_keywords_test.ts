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

function f(
  a: unknown,
  b: string | number,
  c: unknown,
  { n = 0, m = 0 }: { n?: number; m?: number } = {},
): string {
  return `a=${a} b=${b} c=${c} n=${n} m=${m}`;
}

Deno.test("partial() leaves the right parameters when they are wider than the bound values", () => {
  // The bound 1 and 2 are narrower than `unknown` and `string | number`.
  const positional: (c: unknown) => string = partial(f, 1, 2);
  assert.equal(positional(3), "a=1 b=2 c=3 n=0 m=0");
  const withKeywords: (c: unknown) => string = partial(f, 1, 2, kw({ n: 5 }));
  assert.equal(withKeywords(3), "a=1 b=2 c=3 n=5 m=0");
});

Deno.test("a keyword partial takes call-time keywords, as p(3, n=6)", () => {
  const p = partial(f, 1, 2, kw({ n: 5 }));
  assert.equal(p(3, kw({ n: 6 })), "a=1 b=2 c=3 n=6 m=0");
  assert.equal(p(3, kw({ m: 7 })), "a=1 b=2 c=3 n=5 m=7");
  assert.deepEqual(p.keywords, { n: 5 });
});

Deno.test("partial() of a keyword partial binds more and flattens", () => {
  const inner = partial(f, 1, kw({ n: 1 }));
  const outer = partial(inner, 2, kw({ m: 2 }));
  const typed: (c: unknown) => string = outer;
  assert.equal(typed(3), "a=1 b=2 c=3 n=1 m=2");
  assert.equal(outer.func, f);
  assert.deepEqual(outer.args, [1, 2]);
  assert.deepEqual(outer.keywords, { n: 1, m: 2 });
  const override = partial(outer, kw({ n: 9 }));
  assert.equal(override(3), "a=1 b=2 c=3 n=9 m=2");
});
