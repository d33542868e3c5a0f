import assert from "node:assert/strict";
import {
  EventLoop,
  type Future,
  gather,
  type GatheringFuture,
  sleep,
  type Task,
} from "../mod.ts";
import { assertType, type IsExact } from "./_types.ts";

Deno.test("gather() of a tuple gives a typed tuple of the results, for each kind of awaitable", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const future: Future<number> = loop.createFuture<number>();
    future.setResult(1);
    const task: Task<string> = loop.createTask(() => sleep(1, "task"));
    const promise: Promise<boolean> = Promise.resolve(true);
    const asyncFn = async (): Promise<bigint> => await sleep(1, 4n);
    const syncFn = (): Date => new Date(0);

    const gathering = gather([future, task, promise, asyncFn, syncFn]);
    assertType<
      IsExact<
        typeof gathering,
        GatheringFuture<[number, string, boolean, bigint, Date]>
      >
    >(true);
    const results = await gathering;
    assertType<
      IsExact<typeof results, [number, string, boolean, bigint, Date]>
    >(true);
    assert.deepEqual(results, [1, "task", true, 4n, new Date(0)]);

    const [a, b] = await gather([future, task]);
    assertType<IsExact<typeof a, number>>(true);
    assertType<IsExact<typeof b, string>>(true);
    // @ts-expect-error: a pair has no third element
    const [, , c] = await gather([future, task]);
    assert.equal(c, undefined);
  });
  loop.close();
});

Deno.test("gather() of an array gives an array of the results", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const futures: Future<number>[] = [1, 2, 3].map((n) => sleep(n, n));
    const results = await gather(futures);
    assertType<IsExact<typeof results, number[]>>(true);
    assert.deepEqual(results, [1, 2, 3]);

    const readonlyTuple = [sleep(1, "x"), sleep(1, 2)] as const;
    const fromReadonly = await gather(readonlyTuple);
    assertType<IsExact<typeof fromReadonly, [string, number]>>(true);
    assert.deepEqual(fromReadonly, ["x", 2]);

    const empty = await gather([]);
    assertType<IsExact<typeof empty, []>>(true);
    assert.deepEqual(empty, []);
  });
  loop.close();
});

Deno.test("gather() with returnExceptions types each result as the value or an Error", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const settled = await gather([
      sleep(1, 1),
      () => Promise.reject(new RangeError("no")),
    ], { returnExceptions: true });
    assertType<IsExact<typeof settled, [number | Error, Error]>>(true);
    assert.equal(settled[0], 1);
    assert.ok(settled[1] instanceof RangeError);

    const strict = await gather([sleep(1, 1)], { returnExceptions: false });
    assertType<IsExact<typeof strict, [number]>>(true);
  });
  loop.close();
});

Deno.test("gather() refuses what cannot be awaited at compile time", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    // @ts-expect-error: a number is not awaitable
    assert.throws(() => gather([1]), TypeError);
    // @ts-expect-error: the results are [number, string], not [string, string]
    const wrong: [string, string] = await gather([sleep(0, 1), sleep(0, "s")]);
    assert.deepEqual(wrong, [1, "s"]);
  });
  loop.close();
});
