import assert from "node:assert/strict";
import {
  CancelledError,
  Condition,
  createTask,
  Event,
  gather,
  Lock,
  sleep,
  type Task,
  type Waitable,
  waitFor,
} from "../mod.ts";
import { main } from "./_virtual_loop.ts";
import { assertType, type IsExact } from "./_types.ts";

// Expected orders come from the same programs run on CPython 3.13's
// asyncio (the differential pairs in tests/reference/locks/ hold more).

Deno.test("Lock.acquire() without contention needs no loop", async () => {
  const lock = new Lock();
  assert.equal(await lock.acquire(), true);
  assert.equal(lock.locked(), true);
  assert.equal(String(lock), "<Lock [locked]>");
  lock.release();
  assert.equal(String(lock), "<Lock [unlocked]>");
});

Deno.test("Lock.release() of an unlocked lock throws asyncio's message", () => {
  assert.throws(() => new Lock().release(), {
    name: "Error",
    message: "Lock is not acquired.",
  });
});

Deno.test("Lock.acquire() is lazy and runs once, as a coroutine", async () => {
  const lock = new Lock();
  const acquiring = lock.acquire();
  assert.equal(lock.locked(), false);
  assert.equal(await acquiring, true);
  assert.equal(await acquiring, true);
  assert.equal(lock.locked(), true);
  lock.release();
  assert.equal(lock.locked(), false);
});

Deno.test("Waitable is typed as both a generator and a thenable", () => {
  const lock = new Lock();
  const waiting = lock.acquire();
  assertType<IsExact<typeof waiting, Waitable<true>>>(true);
  assertType<IsExact<Awaited<typeof waiting>, true>>(true);
  const condition = new Condition();
  assertType<
    IsExact<ReturnType<typeof condition.waitFor<number>>, Waitable<number>>
  >(true);
});

for (const form of ["async", "gen"] as const) {
  Deno.test(`Lock wakes its waiters in FIFO order [${form}]`, async () => {
    const order = await main(async () => {
      const lock = new Lock();
      const order: string[] = [];
      const asyncWorker = async (name: string) => {
        await lock.acquire();
        try {
          order.push(name);
          await sleep(0);
        } finally {
          lock.release();
        }
      };
      function* genWorker(name: string) {
        yield* lock.acquire();
        try {
          order.push(name);
          yield;
        } finally {
          lock.release();
        }
      }
      const tasks = ["a", "b", "c", "d"].map((name) =>
        form === "async"
          ? createTask(() => asyncWorker(name))
          : createTask(genWorker(name))
      );
      await sleep(0);
      assert.equal(String(lock), "<Lock [locked, waiters:3]>");
      await gather(tasks);
      return order;
    });
    assert.deepEqual(order, ["a", "b", "c", "d"]);
  });

  Deno.test(`Lock: a waiter cancelled after its wake-up passes the lock on [${form}]`, async () => {
    const log = await main(async () => {
      const lock = new Lock();
      const log: string[] = [];
      await lock.acquire();
      const asyncWaiter = async (name: string) => {
        try {
          await lock.acquire();
        } catch (error) {
          log.push(`${name} cancelled`);
          throw error;
        }
        log.push(`${name} acquired`);
        lock.release();
      };
      function* genWaiter(name: string) {
        try {
          yield* lock.acquire();
        } catch (error) {
          log.push(`${name} cancelled`);
          throw error;
        }
        log.push(`${name} acquired`);
        lock.release();
      }
      const start = (name: string) =>
        form === "async"
          ? createTask(() => asyncWaiter(name))
          : createTask(genWaiter(name));
      const a = start("a");
      const b = start("b");
      await sleep(0);
      lock.release(); // a's future is done: a is about to take the lock
      a.cancel(); // ... and is cancelled before it runs
      await gather([a, b], { returnExceptions: true });
      log.push(`a cancelled: ${a.cancelled()}, locked: ${lock.locked()}`);
      return log;
    });
    assert.deepEqual(log, [
      "a cancelled",
      "b acquired",
      "a cancelled: true, locked: false",
    ]);
  });
}

Deno.test("Lock: a newcomer does not overtake a woken waiter", async () => {
  const order = await main(async () => {
    const lock = new Lock();
    const order: string[] = [];
    await lock.acquire();
    const waiter = createTask(async () => {
      await lock.acquire();
      order.push("waiter");
      lock.release();
    });
    await sleep(0);
    lock.release();
    // The lock is free, but the woken waiter has not run: a newcomer queues.
    assert.equal(lock.locked(), false);
    await lock.acquire();
    order.push("newcomer");
    lock.release();
    await waiter;
    return order;
  });
  assert.deepEqual(order, ["waiter", "newcomer"]);
});

Deno.test("Lock: a waiter cancelled before its turn leaves the queue", async () => {
  await main(async () => {
    const lock = new Lock();
    await lock.acquire();
    const a = createTask(() => lock.acquire());
    const b = createTask(() => lock.acquire());
    await sleep(0);
    assert.equal(String(lock), "<Lock [locked, waiters:2]>");
    a.cancel();
    await sleep(0);
    assert.ok(a.cancelled());
    assert.equal(String(lock), "<Lock [locked, waiters:1]>");
    lock.release();
    assert.equal(await b, true);
    assert.equal(String(lock), "<Lock [locked]>");
  });
});

Deno.test("Lock is bound to the loop it first waited on", async () => {
  const lock = new Lock();
  await main(async () => {
    await lock.acquire();
    const waiter = createTask(() => lock.acquire());
    await sleep(0);
    lock.release();
    await waiter;
  });
  // Not waiting: no check.
  lock.release();
  await lock.acquire();
  await main(async () => {
    await assert.rejects(async () => await lock.acquire(), {
      message: "<Lock [locked]> is bound to a different event loop",
    });
    function* gen() {
      yield* lock.acquire();
    }
    await assert.rejects(async () => await createTask(gen()), {
      message: "<Lock [locked]> is bound to a different event loop",
    });
  });
});

Deno.test("Lock.acquire() that must wait outside any loop says so", async () => {
  const lock = new Lock();
  await lock.acquire();
  await assert.rejects(async () => await lock.acquire(), {
    message:
      "Lock.acquire() needs a running event loop: call it from code run by run(main) or loop.runUntilComplete(main)",
  });
});

Deno.test("Lock.run() holds the lock around an async or generator body", async () => {
  await main(async () => {
    const lock = new Lock();
    assert.equal(
      await lock.run(async () => {
        assert.ok(lock.locked());
        await sleep(1);
        return "async";
      }),
      "async",
    );
    assert.equal(lock.locked(), false);
    assert.equal(
      await lock.run(function* () {
        assert.ok(lock.locked());
        yield* sleep(1);
        return "gen";
      }),
      "gen",
    );
    await assert.rejects(
      lock.run(() => {
        throw new Error("boom");
      }),
      { message: "boom" },
    );
    assert.equal(lock.locked(), false);
    await assert.rejects(lock.run(42 as never), TypeError);
  });
});

Deno.test("Lock[Symbol.dispose]() releases the lock", async () => {
  const lock = new Lock();
  {
    await lock.acquire();
    using _held = lock;
    assert.ok(lock.locked());
  }
  assert.equal(lock.locked(), false);
});

Deno.test("Lock: cancelling the holder's body releases the lock in run()", async () => {
  await main(async () => {
    const lock = new Lock();
    const holder = createTask(() => lock.run(() => sleep(10)));
    const waiter = createTask(() => lock.run(() => "got it"));
    await sleep(1);
    holder.cancel();
    assert.equal(await waiter, "got it");
    assert.ok(holder.cancelled());
    assert.equal(lock.locked(), false);
  });
});

Deno.test("Event.set() wakes every waiter, from a plain callback", async () => {
  const result = await main(async (loop) => {
    const event = new Event();
    const order: string[] = [];
    const a = createTask(async () => {
      await event.wait();
      order.push("a");
    });
    const b = createTask(function* () {
      yield* event.wait();
      order.push("b");
    });
    await sleep(0);
    assert.equal(String(event), "<Event [unset, waiters:2]>");
    loop.callLater(1, () => event.set());
    await gather([a, b]);
    assert.equal(String(event), "<Event [set]>");
    return [order, loop.time()];
  });
  assert.deepEqual(result, [["a", "b"], 1]);
});

Deno.test("Event: a set and clear before the waiters run still wakes them", async () => {
  await main(async () => {
    const event = new Event();
    const waiter = createTask(() => event.wait());
    await sleep(0);
    event.set();
    event.clear();
    assert.equal(event.isSet(), false);
    assert.equal(await waiter, true);
    // Now it waits again.
    const again = createTask(() => event.wait());
    await sleep(0);
    assert.equal(again.done(), false);
    again.cancel();
    await sleep(0);
    assert.equal(String(event), "<Event [unset]>");
  });
});

Deno.test("Event.wait() returns at once when set, and works with waitFor()", async () => {
  await main(async (loop) => {
    const event = new Event();
    event.set();
    assert.equal(await event.wait(), true);
    event.clear();
    await assert.rejects(waitFor(event.wait(), 1), { name: "TimeoutError" });
    assert.equal(loop.time(), 1);
    assert.equal(String(event), "<Event [unset]>");
  });
});

Deno.test("Condition.wait() and notify() without the lock throw asyncio's messages", async () => {
  const condition = new Condition();
  await assert.rejects(async () => await condition.wait(), {
    message: "cannot wait on un-acquired lock",
  });
  assert.throws(() => condition.notify(), {
    message: "cannot notify on un-acquired lock",
  });
  assert.throws(() => condition.notifyAll(), {
    message: "cannot notify on un-acquired lock",
  });
  assert.throws(() => condition.notify("1" as never), {
    name: "TypeError",
    message: 'Condition.notify() expected `n` to be a number, got "1"',
  });
  assert.throws(() => new Condition({} as Lock), {
    name: "TypeError",
    message: "Condition() expected `lock` to be a Lock, got {}",
  });
  assert.throws(() => condition.waitFor(true as never), TypeError);
});

for (const form of ["async", "gen"] as const) {
  Deno.test(`Condition.notify(n) wakes n waiters in FIFO order [${form}]`, async () => {
    const log = await main(async () => {
      const condition = new Condition();
      const log: string[] = [];
      const asyncWaiter = async (name: string) => {
        await condition.acquire();
        try {
          await condition.wait();
          log.push(name);
        } finally {
          condition.release();
        }
      };
      function* genWaiter(name: string) {
        yield* condition.acquire();
        try {
          yield* condition.wait();
          log.push(name);
        } finally {
          condition.release();
        }
      }
      const tasks = ["a", "b", "c", "d"].map((name) =>
        form === "async"
          ? createTask(() => asyncWaiter(name))
          : createTask(genWaiter(name))
      );
      await sleep(0);
      assert.equal(String(condition), "<Condition [unlocked, waiters:4]>");
      await condition.run(() => condition.notify(2));
      await sleep(0);
      log.push("notified 2");
      await condition.run(() => condition.notifyAll());
      await gather(tasks);
      return log;
    });
    assert.deepEqual(log, ["a", "b", "notified 2", "c", "d"]);
  });
}

Deno.test("Condition.wait() holds the lock again when cancelled", async () => {
  await main(async () => {
    const condition = new Condition();
    let held: boolean | undefined;
    const waiter = createTask(async () => {
      await condition.acquire();
      try {
        await condition.wait();
      } catch (error) {
        held = condition.locked();
        throw error;
      } finally {
        condition.release();
      }
    });
    await sleep(0);
    await condition.acquire(); // held while the waiter is cancelled
    waiter.cancel();
    await sleep(0);
    assert.equal(waiter.done(), false); // it waits for the lock
    condition.release();
    await assert.rejects(async () => await waiter, CancelledError);
    assert.equal(held, true);
    assert.equal(condition.locked(), false);
  });
});

Deno.test("Condition: a waiter cancelled after notify() passes it on", async () => {
  const log = await main(async () => {
    const condition = new Condition();
    const log: string[] = [];
    const waiter = (name: string) =>
      createTask(() =>
        condition.run(async () => {
          try {
            await condition.wait();
            log.push(`${name} woken`);
          } catch (error) {
            log.push(`${name} cancelled`);
            throw error;
          }
        })
      );
    const a = waiter("a");
    const b = waiter("b");
    await sleep(0);
    await condition.run(() => condition.notify(1));
    a.cancel();
    await gather([a, b], { returnExceptions: true });
    return log;
  });
  assert.deepEqual(log, ["a cancelled", "b woken"]);
});

Deno.test("Condition.waitFor() returns the predicate's truthy value", async () => {
  await main(async () => {
    const condition = new Condition();
    const items: string[] = [];
    let calls = 0;
    const consumer = createTask(function* () {
      yield* condition.acquire();
      try {
        return yield* condition.waitFor(() => {
          calls++;
          return items.shift();
        });
      } finally {
        condition.release();
      }
    });
    await sleep(0);
    await condition.run(() => condition.notify());
    await sleep(0);
    await condition.run(() => {
      items.push("item");
      condition.notify();
    });
    assert.equal(await consumer, "item");
    assert.equal(calls, 3);
  });
});

Deno.test("Condition shares the lock it is given", async () => {
  await main(async () => {
    const lock = new Lock();
    const condition = new Condition(lock);
    await lock.acquire();
    assert.ok(condition.locked());
    assert.equal(String(condition), "<Condition [locked]>");
    condition.release();
    assert.equal(lock.locked(), false);
  });
});

Deno.test("Waitables run as tasks and in gather()", async () => {
  await main(async () => {
    const event = new Event();
    const lock = new Lock();
    const waiting: Task<true> = createTask(event.wait());
    const both = gather([event.wait(), lock.acquire()]);
    await sleep(0);
    assert.equal(waiting.done(), false);
    event.set();
    assert.deepEqual(await both, [true, true]);
    assert.equal(await waiting, true);
    assert.ok(lock.locked());
  });
});
