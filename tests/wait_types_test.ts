// Type-level tests of wait(), asCompleted(), waitFor(), shield(),
// ensureFuture() and gather() given awaitables of several result types:
// they compile only if the element types come out as unions. Each
// `// @ts-expect-error` marks a misuse that must not compile. The runtime
// assertions check that the types describe what runs.
import assert from "node:assert/strict";
import {
  type AsCompleted,
  asCompleted,
  type AwaitableLike,
  type CompletedFuture,
  ensureFuture,
  EventLoop,
  type Future,
  gather,
  shield,
  sleep,
  type Task,
  wait,
  waitFor,
} from "../mod.ts";
import { assertType, type IsExact } from "./_types.ts";

function* generatorJob(delay: number) {
  yield* sleep(delay);
  return delay;
}

Deno.test("wait() takes futures of different result types and returns sets of them", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const number: Task<number> = loop.createTask(() => sleep(1, 1));
    const text: Task<string> = loop.createTask(() => sleep(2, "two"));

    const [done, pending] = await wait([number, text], {
      returnWhen: "FIRST_COMPLETED",
    });
    assertType<IsExact<typeof done, Set<Task<number> | Task<string>>>>(true);
    assertType<IsExact<typeof pending, Set<Task<number> | Task<string>>>>(
      true,
    );
    const results = [...done].map((task) => task.result());
    assertType<IsExact<typeof results, (number | string)[]>>(true);
    assert.deepEqual(results, [1]);
    assert.deepEqual([...pending], [text]);

    // A Set or any iterable; plain futures of one type stay that type.
    const [all] = await wait(new Set([number, text]));
    assert.deepEqual([...all].map((task) => task.result()), [1, "two"]);
    const futures: Future<boolean>[] = [sleep(1, true)];
    const [same] = await wait(futures);
    assertType<IsExact<typeof same, Set<Future<boolean>>>>(true);

    // @ts-expect-error: wait() takes futures and tasks, not promises
    await assert.rejects(wait([Promise.resolve(1)]), TypeError);
    // @ts-expect-error: the sets hold Task<number> | Task<string>
    const wrong: Set<Task<number>> = (await wait([number, text]))[0];
    assert.equal(wrong.size, 2);
  });
  loop.close();
});

Deno.test("asCompleted() of different result types types each item by their union", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const number: Task<number> = loop.createTask(() => sleep(2, 2));
    const text: Task<string> = loop.createTask(() => sleep(1, "one"));
    const iterable = asCompleted([number, text]);
    assertType<IsExact<typeof iterable, AsCompleted<number | string>>>(true);

    const seen: (number | string)[] = [];
    for await (const future of asCompleted([number, text])) {
      // The future itself (done), typed without `then`: TypeScript would
      // otherwise type the variable as its result.
      assertType<IsExact<typeof future, CompletedFuture<number | string>>>(
        true,
      );
      const result = future.result();
      assertType<IsExact<typeof result, number | string>>(true);
      assert.ok(future === number || future === text);
      seen.push(result);
      // @ts-expect-error: TypeScript must not take the item for a promise
      future.then;
    }
    assert.deepEqual(seen, ["one", 2]);

    // With `for`, each item is a promise of the next result.
    const inOrder: (number | string | boolean)[] = [];
    for (
      const next of asCompleted([
        sleep(3, 3),
        async () => await sleep(1, "a"),
        () => generatorJob(2),
        Promise.resolve(true),
      ])
    ) {
      const result = await next;
      assertType<IsExact<typeof result, number | string | boolean>>(true);
      inOrder.push(result);
    }
    assert.deepEqual(inOrder, [true, "a", 2, 3]);

    // An array typed by the library's AwaitableLike keeps its result type.
    const awaitables: AwaitableLike<string>[] = [sleep(1, "f"), () => "g"];
    const typed = asCompleted(awaitables);
    assertType<IsExact<typeof typed, AsCompleted<string>>>(true);
    const texts: string[] = [];
    for await (const future of typed) texts.push(future.result());
    assert.deepEqual(texts.sort(), ["f", "g"]);

    // @ts-expect-error: a number is not awaitable
    assert.throws(() => asCompleted([1]), TypeError);
  });
  loop.close();
});

Deno.test("waitFor(), shield() and ensureFuture() type generator functions by their return value", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const fromGenerator = waitFor(() => generatorJob(1), 5);
    assertType<IsExact<typeof fromGenerator, Promise<number>>>(true);
    assert.equal(await fromGenerator, 1);
    const fromAsync = waitFor(async () => await sleep(1, "s"), 5);
    assertType<IsExact<typeof fromAsync, Promise<string>>>(true);
    assert.equal(await fromAsync, "s");
    const fromTask = waitFor(loop.createTask(() => sleep(1, 1n)), null);
    assertType<IsExact<typeof fromTask, Promise<bigint>>>(true);
    assert.equal(await fromTask, 1n);
    const any: AwaitableLike<Date> = () => new Date(0);
    const fromAny = waitFor(any, 5);
    assertType<IsExact<typeof fromAny, Promise<Date>>>(true);
    assert.deepEqual(await fromAny, new Date(0));

    const shielded = shield(() => generatorJob(2));
    assertType<IsExact<typeof shielded, Future<number>>>(true);
    assert.equal(await shielded, 2);
    const shieldedPromise = shield(Promise.resolve("p"));
    assertType<IsExact<typeof shieldedPromise, Future<string>>>(true);
    assert.equal(await shieldedPromise, "p");

    const ensured = ensureFuture(generatorJob(1));
    assertType<IsExact<typeof ensured, Future<number>>>(true);
    assert.equal(await ensured, 1);
    const ensuredAny = ensureFuture(any);
    assertType<IsExact<typeof ensuredAny, Future<Date>>>(true);
    assert.deepEqual(await ensuredAny, new Date(0));

    // @ts-expect-error: the limit is a number of seconds or null
    await assert.rejects(waitFor(sleep(0), "5"), TypeError);
  });
  loop.close();
});

Deno.test("gather() of an array of mixed tasks gives an array of the union", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const tasks: (Task<number> | Task<string>)[] = [
      loop.createTask(() => sleep(1, 1)),
      loop.createTask(() => sleep(1, "b")),
    ];
    const results = await gather(tasks);
    assertType<IsExact<typeof results, (number | string)[]>>(true);
    assert.deepEqual(results, [1, "b"]);
  });
  loop.close();
});

Deno.test("wait<T>() and asCompleted<T>() with the result type given still compile", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const a = loop.createTask(() => sleep(1, 1));
    const b = loop.createTask(() => sleep(2, 2));
    const [done, pending] = await wait<number>([a, b]);
    assertType<IsExact<typeof done, Set<Future<number>>>>(true);
    assertType<IsExact<typeof pending, Set<Future<number>>>>(true);
    const results: number[] = [];
    for (const next of asCompleted<number>([sleep(1, 3)])) {
      results.push(await next);
    }
    assert.deepEqual(results, [3]);
  });
  loop.close();
});
