import assert from "node:assert/strict";
import {
  BoundedSemaphore,
  createTask,
  gather,
  Semaphore,
  sleep,
} from "../mod.ts";
import { main } from "./_virtual_loop.ts";

// Expected orders come from the same programs run on CPython 3.13's
// asyncio (the differential pairs in tests/reference/locks/ hold more).

Deno.test("Semaphore() checks its value", async (t) => {
  const cases: Array<[unknown, string, string]> = [
    [
      -1,
      "RangeError",
      "Semaphore() expected `value` to be an integer >= 0, got -1",
    ],
    [
      1.5,
      "RangeError",
      "Semaphore() expected `value` to be an integer >= 0, got 1.5",
    ],
    [
      NaN,
      "RangeError",
      "Semaphore() expected `value` to be an integer >= 0, got NaN",
    ],
    [
      Infinity,
      "RangeError",
      "Semaphore() expected `value` to be an integer >= 0, got Infinity",
    ],
    [
      "1",
      "TypeError",
      'Semaphore() expected `value` to be an integer >= 0, got "1"',
    ],
    [
      null,
      "TypeError",
      "Semaphore() expected `value` to be an integer >= 0, got null",
    ],
  ];
  for (const [value, name, message] of cases) {
    await t.step(String(value), () => {
      assert.throws(() => new Semaphore(value as number), { name, message });
    });
  }
  assert.throws(() => new BoundedSemaphore(-1), {
    name: "RangeError",
    message:
      "BoundedSemaphore() expected `value` to be an integer >= 0, got -1",
  });
  assert.equal(String(new Semaphore()), "<Semaphore [unlocked, value:1]>");
  assert.equal(String(new Semaphore(0)), "<Semaphore [locked]>");
});

Deno.test("Semaphore counts without a loop while it need not wait", async () => {
  const semaphore = new Semaphore(2);
  await semaphore.acquire();
  assert.equal(semaphore.locked(), false);
  assert.equal(String(semaphore), "<Semaphore [unlocked, value:1]>");
  await semaphore.acquire();
  assert.equal(semaphore.locked(), true);
  semaphore.release();
  semaphore.release();
  semaphore.release(); // a plain Semaphore has no bound
  assert.equal(String(semaphore), "<Semaphore [unlocked, value:3]>");
});

Deno.test("BoundedSemaphore.release() above its value throws asyncio's message", async () => {
  const semaphore = new BoundedSemaphore(2);
  await semaphore.acquire();
  semaphore.release();
  assert.throws(() => semaphore.release(), {
    name: "Error",
    message: "BoundedSemaphore released too many times",
  });
  assert.equal(String(semaphore), "<BoundedSemaphore [unlocked, value:2]>");
});

for (const form of ["async", "gen"] as const) {
  Deno.test(`Semaphore: newcomers queue behind woken waiters [${form}]`, async () => {
    const order = await main(async () => {
      const semaphore = new Semaphore(0);
      const order: string[] = [];
      const asyncTake = async (name: string) => {
        await semaphore.acquire();
        order.push(name);
      };
      function* genTake(name: string) {
        yield* semaphore.acquire();
        order.push(name);
      }
      const take = (name: string) =>
        form === "async"
          ? createTask(() => asyncTake(name))
          : createTask(genTake(name));
      const a = take("a");
      const b = take("b");
      await sleep(0);
      assert.equal(String(semaphore), "<Semaphore [locked, waiters:2]>");
      semaphore.release();
      semaphore.release();
      // Both are woken, not yet run: the newcomer must wait its turn.
      assert.equal(semaphore.locked(), true);
      const c = take("c");
      await sleep(0);
      semaphore.release();
      await gather([a, b, c]);
      assert.equal(String(semaphore), "<Semaphore [locked]>");
      return order;
    });
    assert.deepEqual(order, ["a", "b", "c"]);
  });

  Deno.test(`Semaphore: a waiter cancelled after its wake-up hands the slot on [${form}]`, async () => {
    const log = await main(async () => {
      const semaphore = new Semaphore(0);
      const log: string[] = [];
      const asyncTake = async (name: string) => {
        try {
          await semaphore.acquire();
        } catch (error) {
          log.push(`${name} cancelled`);
          throw error;
        }
        log.push(`${name} acquired`);
      };
      function* genTake(name: string) {
        try {
          yield* semaphore.acquire();
        } catch (error) {
          log.push(`${name} cancelled`);
          throw error;
        }
        log.push(`${name} acquired`);
      }
      const take = (name: string) =>
        form === "async"
          ? createTask(() => asyncTake(name))
          : createTask(genTake(name));
      const a = take("a");
      const b = take("b");
      await sleep(0);
      semaphore.release();
      a.cancel();
      await gather([a, b], { returnExceptions: true });
      log.push(String(semaphore));
      return log;
    });
    assert.deepEqual(log, [
      "a cancelled",
      "b acquired",
      "<Semaphore [locked]>",
    ]);
  });
}

Deno.test("Semaphore: a waiter cancelled before its wake-up leaves the count alone", async () => {
  await main(async () => {
    const semaphore = new Semaphore(0);
    const a = createTask(() => semaphore.acquire());
    await sleep(0);
    a.cancel();
    await sleep(0);
    assert.ok(a.cancelled());
    assert.equal(String(semaphore), "<Semaphore [locked]>");
    semaphore.release();
    assert.equal(String(semaphore), "<Semaphore [unlocked, value:1]>");
  });
});

Deno.test("Semaphore.run() bounds concurrency, and releases on failure", async () => {
  const result = await main(async (loop) => {
    const semaphore = new BoundedSemaphore(2);
    let inside = 0;
    let most = 0;
    const job = (i: number) =>
      semaphore.run(function* () {
        most = Math.max(most, ++inside);
        yield* sleep(1);
        inside--;
        if (i === 2) throw new Error("job 2");
        return i;
      });
    const results = await gather(
      [0, 1, 2, 3, 4].map((i) => createTask(() => job(i))),
      { returnExceptions: true },
    );
    return { results, most, time: loop.time(), repr: String(semaphore) };
  });
  assert.equal(result.most, 2);
  assert.equal(result.time, 3);
  assert.equal((result.results[2] as Error).message, "job 2");
  assert.deepEqual(
    result.results.filter((r) => typeof r === "number"),
    [0, 1, 3, 4],
  );
  assert.equal(result.repr, "<BoundedSemaphore [unlocked, value:2]>");
});

Deno.test("Semaphore[Symbol.dispose]() releases", async () => {
  const semaphore = new BoundedSemaphore(1);
  {
    await semaphore.acquire();
    using _slot = semaphore;
    assert.ok(semaphore.locked());
  }
  assert.equal(semaphore.locked(), false);
});

Deno.test("Semaphore is bound to the loop it first waited on", async () => {
  const semaphore = new Semaphore(0);
  await main(async () => {
    const waiter = createTask(() => semaphore.acquire());
    await sleep(0);
    semaphore.release();
    await waiter;
  });
  await main(async () => {
    await assert.rejects(async () => await semaphore.acquire(), {
      message: "<Semaphore [locked]> is bound to a different event loop",
    });
    // Not waiting: no check.
    semaphore.release();
    assert.equal(await semaphore.acquire(), true);
  });
});
