import assert from "node:assert/strict";
import { EventLoop, Keywords, kw, partial } from "../mod.ts";

function add(a: number, b: number, c: number): number {
  return a + b + c;
}

function greet(
  greeting: string,
  name: string,
  { punctuation, times = 1 }: { punctuation: string; times?: number },
): string {
  return `${greeting} ${name}${punctuation.repeat(times)}`;
}

Deno.test("partial() binds leading positional arguments", () => {
  const addOne = partial(add, 1);
  assert.equal(addOne(2, 3), 6);
  assert.equal(partial(add, 1, 2)(3), 6);
  assert.equal(partial(add, 1, 2, 3)(), 6);
  assert.equal(partial(add)(1, 2, 3), 6);
});

Deno.test("partial() passes the call's arguments after the bound ones", () => {
  const seen: unknown[][] = [];
  const record = (...args: unknown[]) => void seen.push(args);
  partial(record, "a", "b")("c", "d");
  assert.deepEqual(seen, [["a", "b", "c", "d"]]);
});

Deno.test("partial() returns what the function returns, and lets its exceptions through", () => {
  const boom = new Error("boom");
  const fail = partial((_: number) => {
    throw boom;
  }, 1);
  assert.throws(() => fail(), (error) => error === boom);
  assert.deepEqual(partial((a: number, b: number) => [a, b], 1)(2), [1, 2]);
});

Deno.test("partial() exposes .func, .args and .keywords", () => {
  const addOne = partial(add, 1);
  assert.equal(addOne.func, add);
  assert.deepEqual(addOne.args, [1]);
  assert.deepEqual(addOne.keywords, {});
  assert.ok(Object.isFrozen(addOne.args));
  assert.ok(Object.isFrozen(addOne.keywords));

  const hello = partial(greet, "hello", kw({ punctuation: "!" }));
  assert.equal(hello.func, greet);
  assert.deepEqual(hello.args, ["hello"]);
  assert.deepEqual(hello.keywords, { punctuation: "!" });
  assert.ok(Object.isFrozen(hello.keywords));
});

Deno.test("partial() keeps the function's name", () => {
  assert.equal(partial(add, 1).name, "add");
  assert.equal(partial(partial(greet, "hi"), "you").name, "greet");
});

Deno.test("partial() with kw() passes the keywords as one options object after all positional arguments", () => {
  const seen: unknown[][] = [];
  const record = (...args: unknown[]) => void seen.push(args);
  partial(record, 1, kw({ n: 2 }))(3);
  assert.deepEqual(seen, [[1, 3, { n: 2 }]]);
  assert.equal(
    partial(greet, kw({ punctuation: "!" }))("hello", "world"),
    "hello world!",
  );
});

Deno.test("partial() lets a call add and override keywords with a trailing kw()", () => {
  const hello = partial(greet, "hello", kw({ punctuation: "!" }));
  assert.equal(hello("world"), "hello world!");
  assert.equal(hello("world", kw({ punctuation: "?" })), "hello world?");
  assert.equal(hello("world", kw({ times: 3 })), "hello world!!!");
  // The bound keywords are unchanged by a call's override.
  assert.deepEqual(hello.keywords, { punctuation: "!" });
  assert.equal(hello("again"), "hello again!");
});

Deno.test("partial() passes a call's kw() even when none were bound", () => {
  const seen: unknown[][] = [];
  const record = (...args: unknown[]) => void seen.push(args);
  partial(record, 1)(2, kw({ a: 1 }));
  assert.deepEqual(seen, [[1, 2, { a: 1 }]]);
});

Deno.test("partial() treats a Keywords object only in the last position as keywords", () => {
  const seen: unknown[][] = [];
  const record = (...args: unknown[]) => void seen.push(args);
  const middle = kw({ a: 1 });
  partial(record, middle, 2)();
  assert.equal(seen[0]![0], middle);
  assert.equal(seen[0]![1], 2);
  assert.equal(seen[0]!.length, 2);
});

Deno.test("partial() of a partial flattens into one, as in Python", () => {
  const seen: unknown[][] = [];
  const record = (...args: unknown[]) => void seen.push(args);
  const inner = partial(record, 1, kw({ a: 1, b: 1 }));
  const outer = partial(inner, 2, kw({ b: 2, c: 2 }));
  assert.equal(outer.func, record);
  assert.deepEqual(outer.args, [1, 2]);
  assert.deepEqual(outer.keywords, { a: 1, b: 2, c: 2 });
  outer(3);
  assert.deepEqual(seen, [[1, 2, 3, { a: 1, b: 2, c: 2 }]]);
  // The inner partial is unchanged.
  assert.deepEqual(inner.args, [1]);
  assert.deepEqual(inner.keywords, { a: 1, b: 1 });

  const addOneTwo = partial(partial(add, 1), 2);
  assert.equal(addOneTwo.func, add);
  assert.deepEqual(addOneTwo.args, [1, 2]);
  assert.equal(addOneTwo(3), 6);
});

Deno.test("kw() copies and freezes its values", () => {
  const values = { punctuation: "!" };
  const keywords = kw(values);
  assert.ok(keywords instanceof Keywords);
  values.punctuation = "?";
  assert.deepEqual(keywords.values, { punctuation: "!" });
  assert.ok(Object.isFrozen(keywords.values));
  const hello = partial(greet, "hello", keywords);
  assert.equal(hello("world"), "hello world!");
});

Deno.test("partial() passes `this` through to the function", () => {
  const object = {
    base: 10,
    method: partial(function (this: { base: number }, n: number): number {
      return this.base + n;
    }, 1),
  };
  assert.equal(object.method(), 11);
});

Deno.test("partial() works as a loop callback, with the loop's arguments after the bound ones", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: unknown[][] = [];
  const record = (...args: unknown[]) => void seen.push(args);
  loop.callSoon(partial(record, "bound", kw({ n: 1 })), "given");
  loop.callLater(1, partial(record, "timer"), 2);
  loop.callLater(2, () => loop.stop());
  await loop.runForever();
  assert.deepEqual(seen, [["bound", "given", { n: 1 }], ["timer", 2]]);
  loop.close();
});

Deno.test("partial().toString() shows functools.partial with the bound arguments in Python's repr", () => {
  assert.equal(String(partial(add, 1, 2)), "functools.partial(add, 1, 2)");
  assert.equal(String(partial(add)), "functools.partial(add)");
  assert.equal(
    String(partial(greet, "hi", kw({ punctuation: "!" }))),
    "functools.partial(greet, 'hi', punctuation='!')",
  );
});

Deno.test("partial() throws TypeError naming `func` and the value for a non-function", async (t) => {
  const cases: Array<[unknown, string]> = [
    [5, "5"],
    ["f", '"f"'],
    [null, "null"],
    [undefined, "undefined"],
    [[1], "[1]"],
    [{}, "{}"],
  ];
  for (const [func, shown] of cases) {
    await t.step(shown, () => {
      assert.throws(
        // @ts-expect-error: not a function
        () => partial(func),
        (error: unknown) => {
          assert.ok(error instanceof TypeError);
          assert.match(error.message, /`func`/);
          assert.ok(error.message.endsWith(`got ${shown}`), error.message);
          return true;
        },
      );
    });
  }
});

Deno.test("kw() throws TypeError naming `values` and the value for a non-object", async (t) => {
  const cases: Array<[unknown, string]> = [
    [null, "null"],
    ["x", '"x"'],
    [5, "5"],
    [undefined, "undefined"],
  ];
  for (const [values, shown] of cases) {
    await t.step(shown, () => {
      assert.throws(
        // @ts-expect-error: not an object
        () => kw(values),
        (error: unknown) => {
          assert.ok(error instanceof TypeError);
          assert.match(error.message, /`values`/);
          assert.ok(error.message.endsWith(`got ${shown}`), error.message);
          return true;
        },
      );
    });
  }
});
