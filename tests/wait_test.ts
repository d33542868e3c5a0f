import assert from "node:assert/strict";
import {
  ALL_COMPLETED,
  asCompleted,
  type CompletedFuture,
  EventLoop,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  type Future,
  type ReturnWhen,
  sleep,
  type Task,
  TimeoutError,
  wait,
} from "../mod.ts";
import { assertType, type IsExact } from "./_types.ts";

// Expected values come from the same programs run on Python 3.11's asyncio.

async function value<T>(delay: number, result: T): Promise<T> {
  await sleep(delay);
  return result;
}

async function failure(delay: number, message: string): Promise<never> {
  await sleep(delay);
  throw new Error(message);
}

function names(futures: Set<Future<unknown>>): string[] {
  return [...futures].map((task) => (task as Task<unknown>).getName()).sort();
}

Deno.test("wait() returns [done, pending] when returnWhen says", async (t) => {
  // Tasks a (result at 1), b (error at 2), c (result at 3). asyncio 3.11:
  const cases: Array<[ReturnWhen | undefined, string[], string[], number]> = [
    [FIRST_COMPLETED, ["a"], ["b", "c"], 1],
    [FIRST_EXCEPTION, ["a", "b"], ["c"], 2],
    [ALL_COMPLETED, ["a", "b", "c"], [], 3],
    [undefined, ["a", "b", "c"], [], 3],
  ];
  for (const [returnWhen, done, pending, time] of cases) {
    await t.step(String(returnWhen), async () => {
      const loop = new EventLoop({ clock: "virtual" });
      await loop.runUntilComplete(async () => {
        const a = loop.createTask(() => value(1, "a"), { name: "a" });
        const b = loop.createTask(() => failure(2, "b"), { name: "b" });
        const c = loop.createTask(() => value(3, "c"), { name: "c" });
        const result = await wait([a, b, c], { returnWhen });
        assert.deepEqual(
          [names(result[0]), names(result[1]), loop.time()],
          [done, pending, time],
        );
        for (const task of result[1]) task.cancel();
        await wait([a, b, c]);
        if (!b.cancelled()) assert.equal((b.exception() as Error).message, "b");
      });
      loop.close();
    });
  }
});

Deno.test("wait() with FIRST_EXCEPTION and no exception waits for all", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const a = loop.createTask(() => value(1, "a"), { name: "a" });
    const c = loop.createTask(() => value(3, "c"), { name: "c" });
    const [done, pending] = await wait([a, c], {
      returnWhen: FIRST_EXCEPTION,
    });
    // asyncio 3.11: (['a', 'c'], [], 3.0)
    assert.deepEqual([names(done), names(pending), loop.time()], [
      ["a", "c"],
      [],
      3,
    ]);
  });
  loop.close();
});

Deno.test("wait() with a timeout returns what is done without cancelling the rest", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const a = loop.createTask(() => value(1, "a"), { name: "a" });
    const c = loop.createTask(() => value(3, "c"), { name: "c" });
    const [done, pending] = await wait([a, c], { timeout: 2 });
    // asyncio 3.11: (['a'], ['c'], 2.0, False, False, 'c')
    assert.deepEqual([names(done), names(pending), loop.time()], [
      ["a"],
      ["c"],
      2,
    ]);
    assert.equal(c.cancelled(), false);
    assert.equal(c.done(), false);
    assert.equal(await c, "c");
    assert.equal(loop.time(), 3);
  });
  loop.close();
});

Deno.test("wait() on futures that are done already returns at once", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const done = loop.createFuture<number>();
    done.setResult(1);
    const never = loop.createFuture<number>();
    const [finished, pending] = await wait([done, never], {
      returnWhen: FIRST_COMPLETED,
    });
    assert.deepEqual([...finished], [done]);
    assert.deepEqual([...pending], [never]);
    never.cancel();
  });
  assert.equal(loop.time(), 0);
  loop.close();
});

Deno.test("wait() throws for an empty set, an unknown returnWhen, a bad timeout or a promise", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    // asyncio 3.11: ValueError('Set of Tasks/Futures is empty.')
    await assert.rejects(wait([]), {
      name: "RangeError",
      message:
        "wait() expected `fs` to hold at least one future or task, got none",
    });
    const future = loop.createFuture<number>();
    // asyncio 3.11: ValueError('Invalid return_when value: SOMETIMES')
    await assert.rejects(
      wait([future], { returnWhen: "SOMETIMES" as ReturnWhen }),
      { name: "RangeError", message: /`returnWhen`.*"SOMETIMES"/ },
    );
    await assert.rejects(wait([future], { timeout: NaN }), {
      name: "RangeError",
      message: /`timeout`/,
    });
    await assert.rejects(
      // @ts-expect-error: promises must be wrapped in tasks
      wait([Promise.resolve(1)]),
      { name: "TypeError", message: /createTask/ },
    );
    future.cancel();
  });
  loop.close();
});

Deno.test("asCompleted() with `for await` yields the futures themselves in completion order", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log = await loop.runUntilComplete(async () => {
    const log: unknown[] = [];
    const c = loop.createTask(() => value(3, "c"), { name: "c" });
    const awaitables = [c, () => value(1, "a"), () => failure(2, "b")];
    for await (const future of asCompleted(awaitables)) {
      // The future itself, as in Python 3.13, typed without `then` so that
      // TypeScript does not take it for its result.
      assertType<IsExact<typeof future, CompletedFuture<string>>>(true);
      assert.equal(future.done(), true);
      const error = future.exception() as Error | undefined;
      log.push([
        future === c,
        error === undefined ? future.result() : error.message,
        loop.time(),
      ]);
    }
    return log;
  });
  assert.deepEqual(log, [
    [false, "a", 1],
    [false, "b", 2],
    [true, "c", 3],
  ]);
  loop.close();
});

Deno.test("asCompleted() with `for` yields awaitables that settle in completion order", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log = await loop.runUntilComplete(async () => {
    const log: unknown[] = [];
    const awaitables = [
      () => value(3, "c"),
      () => value(1, "a"),
      () => failure(2, "b"),
    ];
    for (const next of asCompleted(awaitables)) {
      try {
        log.push([await next, loop.time()]);
      } catch (error) {
        log.push([(error as Error).message, loop.time()]);
      }
    }
    return log;
  });
  // asyncio 3.11: [('a', 1.0), ("ValueError('b')", 2.0), ('c', 3.0)]
  assert.deepEqual(log, [["a", 1], ["b", 2], ["c", 3]]);
  loop.close();
});

Deno.test("asCompleted() with a timeout throws TimeoutError for the rest, without cancelling them", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log = await loop.runUntilComplete(async () => {
    const log: unknown[] = [];
    const slow = loop.createTask(() => value(5, "slow"));
    const slower = loop.createTask(() => value(6, "z"));
    const awaitables = [() => value(1, "a"), slow, slower];
    for (const next of asCompleted(awaitables, { timeout: 2 })) {
      try {
        log.push([await next, loop.time()]);
      } catch (error) {
        assert.ok(error instanceof TimeoutError);
        log.push(["TimeoutError", loop.time(), slow.cancelled()]);
      }
    }
    log.push([await slow, loop.time()]);
    slower.cancel();
    return log;
  });
  // asyncio 3.11: [('a', 1.0), ('TimeoutError()', 2.0, False),
  // ('TimeoutError()', 2.0, False), ('slow', 5.0)]
  assert.deepEqual(log, [
    ["a", 1],
    ["TimeoutError", 2, false],
    ["TimeoutError", 2, false],
    ["slow", 5],
  ]);
  loop.close();
});

Deno.test("asCompleted() with a timeout and `for await` throws TimeoutError once the rest are late", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const seen: string[] = [];
    const slow = loop.createTask(() => value(5, "slow"));
    await assert.rejects(async () => {
      const awaitables = [slow, () => value(1, "fast")];
      for await (const item of asCompleted(awaitables, { timeout: 2 })) {
        seen.push(item.result());
      }
    }, TimeoutError);
    assert.deepEqual(seen, ["fast"]);
    assert.equal(loop.time(), 2);
    assert.equal(slow.cancelled(), false);
    slow.cancel();
  });
  loop.close();
});
