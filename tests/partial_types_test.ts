// Type-level tests: these compile only if partial(), kw() and the loop's
// callback typing infer what they should. Each `// @ts-expect-error` marks a
// misuse that must not compile. The runtime assertions are incidental.
import assert from "node:assert/strict";
import {
  EventLoop,
  type Future,
  type Handle,
  kw,
  partial,
  type PartialFunction,
  type TimerHandle,
} from "../mod.ts";
import { assertType, type IsExact } from "./_types.ts";

function add(a: number, b: string, c: boolean): string {
  return `${a}${b}${c}`;
}
function optional(a: number, b?: string): string {
  return `${a}${b}`;
}
function variadic(a: number, ...more: string[]): number {
  return a + more.length;
}
function callback(future: Future<string>, { n }: { n: number }): void {
  void future;
  void n;
}
function options(
  name: string,
  _options: { punctuation: string; times?: number },
): string {
  return name;
}

Deno.test("IsExact tells apart types that are only mutually assignable", () => {
  assertType<IsExact<number, number>>(true);
  assertType<IsExact<number, string>>(false);
  assertType<IsExact<{ a: 1 }, { readonly a: 1 }>>(false);
  assertType<IsExact<[number], number[]>>(false);
  assertType<IsExact<unknown, never>>(false);
  // @ts-expect-error: the types differ, so `true` does not compile
  assertType<IsExact<number, 1>>(true);
});

Deno.test("partial() infers the parameters that remain after positional arguments", () => {
  const none = partial(add);
  const one = partial(add, 1);
  const two = partial(one, "x");
  const all = partial(add, 1, "x", true);
  assertType<
    IsExact<Parameters<typeof none>, [a: number, b: string, c: boolean]>
  >(true);
  assertType<IsExact<Parameters<typeof one>, [b: string, c: boolean]>>(true);
  assertType<IsExact<Parameters<typeof two>, [c: boolean]>>(true);
  assertType<IsExact<Parameters<typeof all>, []>>(true);
  assertType<IsExact<ReturnType<typeof one>, string>>(true);
  assertType<
    IsExact<typeof one, PartialFunction<[b: string, c: boolean], string>>
  >(true);
  assert.equal(two(true), "1xtrue");
  assert.equal(all(), "1xtrue");
});

Deno.test("partial() infers optional and rest parameters", () => {
  const opt = partial(optional, 1);
  const rest = partial(variadic, 1, "a");
  assertType<IsExact<Parameters<typeof opt>, [b?: string | undefined]>>(true);
  assertType<IsExact<Parameters<typeof rest>, string[]>>(true);
  assert.equal(opt(), "1undefined");
  assert.equal(rest("b", "c"), 4);
});

Deno.test("partial() with kw() infers the positional parameters left before the options", () => {
  const bound = partial(callback, kw({ n: 1 }));
  assertType<IsExact<Parameters<typeof bound>, [future: Future<string>]>>(true);
  assertType<IsExact<ReturnType<typeof bound>, void>>(true);
  assertType<
    IsExact<
      typeof bound,
      PartialFunction<[future: Future<string>], void, { n: number }>
    >
  >(true);

  const named = partial(options, "hi", kw({ punctuation: "!" }));
  assertType<IsExact<Parameters<typeof named>, []>>(true);
  assertType<IsExact<typeof named.keywords, Readonly<Record<string, unknown>>>>(
    true,
  );
  assert.equal(named(), "hi");
  // A call may override or add keywords with a trailing kw().
  assert.equal(named(kw({ punctuation: "?" })), "hi");
  assert.equal(named(kw({ times: 2 })), "hi");
});

Deno.test("partial() results fit where their remaining signature is expected", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<string>();
  // Future.addDoneCallback() takes (future: Future<string>) => void.
  future.addDoneCallback(partial(callback, kw({ n: 1 })));
  const handle = loop.callSoon(partial(add, 1), "x", true);
  const timer = loop.callLater(1, partial(add, 1, "x"), false);
  assertType<IsExact<typeof handle, Handle>>(true);
  assertType<IsExact<typeof timer, TimerHandle>>(true);
  future.setResult("done");
  await loop.runUntilComplete(future);
  loop.close();
});

Deno.test("partial() and kw() reject misuse at compile time", () => {
  // Each line below must fail to type-check; run in a function that is never
  // called so the misuse never executes.
  function misuse(): void {
    // @ts-expect-error: `1` is not a string
    partial(add, 1, 2);
    // @ts-expect-error: too many bound arguments
    partial(add, 1, "x", true, 4);
    // @ts-expect-error: not a function
    partial(5);
    // @ts-expect-error: the remaining parameter is a boolean
    partial(add, 1, "x")("y");
    // @ts-expect-error: too many call arguments
    partial(add, 1, "x")(true, 5);
    // @ts-expect-error: `n` must be a number
    partial(callback, kw({ n: "1" }));
    // @ts-expect-error: a keyword the options object does not have
    partial(callback, kw({ m: 1 }));
    const bound = partial(callback, kw({ n: 1 }));
    const someFuture = null as unknown as Future<string>;
    // @ts-expect-error: a call's keywords must fit the options object too
    bound(someFuture, kw({ n: "2" }));
    // @ts-expect-error: no keywords were bound, so a call cannot pass kw()
    partial(add, 1)("x", true, kw({ n: 1 }));
    // @ts-expect-error: kw() takes an object
    kw(5);
    const loop = new EventLoop();
    const future = loop.createFuture<number>();
    // @ts-expect-error: the callback wants a Future<string>
    future.addDoneCallback(partial(callback, kw({ n: 1 })));
  }
  assert.equal(typeof misuse, "function");
});

Deno.test("EventLoop scheduling calls type-check callback arguments", () => {
  function misuse(loop: EventLoop): void {
    // @ts-expect-error: the callback takes a number
    loop.callSoon((n: number) => n, "x");
    // @ts-expect-error: missing the callback's argument
    loop.callLater(1, (n: number) => n);
    // @ts-expect-error: `when` is a number of seconds
    loop.callAt("soon", () => {});
    const future = loop.createFuture<number>();
    // @ts-expect-error: the result must be a number
    future.setResult("x");
  }
  assert.equal(typeof misuse, "function");
});

Deno.test("Future<T> awaits to T and then() infers the handlers' types", async () => {
  const loop = new EventLoop();
  const future = loop.createFuture<number>();
  future.setResult(1);
  const value = await future;
  const text = future.then((n) => `${n}`);
  const either = future.then(() => 1, () => "failed");
  assertType<IsExact<typeof value, number>>(true);
  assertType<IsExact<typeof text, Promise<string>>>(true);
  assertType<IsExact<typeof either, Promise<number | string>>>(true);
  assertType<IsExact<ReturnType<typeof future.exception>, unknown>>(true);
  assert.equal(await text, "1");
  loop.close();
});
