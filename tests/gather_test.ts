import assert from "node:assert/strict";
import {
  CancelledError,
  EventLoop,
  type Future,
  gather,
  GatheringFuture,
  shield,
  sleep,
} from "../mod.ts";

// Expected values come from the same programs run on Python 3.11's asyncio.
// An asyncio coroutine passed to gather() starts as a task: here that is an
// async function passed uncalled, `() => child()`.

async function value<T>(delay: number, result: T): Promise<T> {
  await sleep(delay);
  return result;
}

async function failure(delay: number, message: string): Promise<never> {
  await sleep(delay);
  throw new Error(message);
}

Deno.test("gather() resolves with the results in input order, not completion order", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const results = await loop.runUntilComplete(() =>
    gather([() => value(3, "a"), () => value(1, "b"), () => value(2, "c")])
  );
  // asyncio 3.11: ['a', 'b', 'c']
  assert.deepEqual(results, ["a", "b", "c"]);
  assert.equal(loop.time(), 3);
  loop.close();
});

Deno.test("gather() takes futures, tasks, promises and async functions together", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const results = await loop.runUntilComplete(async () => {
    const future = loop.createFuture<number>();
    loop.callLater(4, () => future.setResult(1));
    const task = loop.createTask(() => value(3, "task"));
    const promise = value(2, true);
    const done = loop.createFuture<null>();
    done.setResult(null);
    return await gather([future, task, promise, () => value(1, 4n), done]);
  });
  assert.deepEqual(results, [1, "task", true, 4n, null]);
  assert.equal(loop.time(), 4);
  loop.close();
});

Deno.test("gather() with returnExceptions returns errors and CancelledErrors in place", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const results = await loop.runUntilComplete(() => {
    const cancelled = loop.createFuture<string>();
    cancelled.cancel("fm");
    return gather([() => value(1, "a"), () => failure(2, "bad"), cancelled], {
      returnExceptions: true,
    });
  });
  // asyncio 3.11: ['a', ValueError('bad'), CancelledError('fm')]
  assert.equal(results[0], "a");
  assert.ok(results[1] instanceof Error);
  assert.equal(results[1].message, "bad");
  assert.ok(results[2] instanceof CancelledError);
  assert.equal(results[2].message, "fm");
  loop.close();
});

Deno.test("gather() fails with the first failure while the other children keep running", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  await loop.runUntilComplete(async () => {
    const slow = loop.createTask(async () => {
      await sleep(5);
      log.push(["slow done", loop.time()]);
      return "slow";
    });
    const second = loop.createTask(() => failure(2, "second"));
    try {
      await gather([() => failure(1, "first"), second, slow]);
    } catch (error) {
      log.push(["caught", (error as Error).message, loop.time(), slow.done()]);
    }
    assert.equal(await slow, "slow");
    assert.equal((second.exception() as Error).message, "second");
  });
  // asyncio 3.11: [('caught', 'first', 1.0, False), ('slow done', 5.0)]
  assert.deepEqual(log, [["caught", "first", 1, false], ["slow done", 5]]);
  loop.close();
});

Deno.test("gather() fails with CancelledError when a child is cancelled on its own, without being cancelled itself", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const outcome = await loop.runUntilComplete(async () => {
    const child = loop.createTask(() => value(5, "t"));
    const other = loop.createTask(() => value(1, "x"));
    const gathering = gather([child, other]);
    await sleep(0);
    child.cancel("child");
    try {
      await gathering;
    } catch (error) {
      assert.ok(error instanceof CancelledError);
      const outcome = [error.message, gathering.cancelled(), loop.time()];
      assert.equal(await other, "x");
      return outcome;
    }
  });
  // asyncio 3.11: ('cancelled', ('child',), False)
  assert.deepEqual(outcome, ["child", false, 0]);
  loop.close();
});

Deno.test("GatheringFuture.cancel() cancels the children and the gather fails with CancelledError", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  const child = async (n: number) => {
    try {
      await sleep(10);
    } catch (error) {
      log.push([n, "cancelled", (error as Error).message]);
      throw error;
    }
  };
  await loop.runUntilComplete(async () => {
    const gathering = gather([
      () => child(1),
      () => child(2),
      () => value(0, "x"),
    ]);
    assert.ok(gathering instanceof GatheringFuture);
    await sleep(1);
    log.push(["cancel", gathering.cancel("stop")]);
    try {
      await gathering;
    } catch (error) {
      assert.ok(error instanceof CancelledError);
      log.push(["gather", "cancelled", error.message]);
    }
    log.push(["cancel again", gathering.cancel()]);
  });
  // asyncio 3.11: [('cancel', True), (1, 'cancelled', ('stop',)),
  // (2, 'cancelled', ('stop',)), ('gather', 'cancelled', ('stop',)),
  // ('cancel again', False)]
  assert.deepEqual(log, [
    ["cancel", true],
    [1, "cancelled", "stop"],
    [2, "cancelled", "stop"],
    ["gather", "cancelled", "stop"],
    ["cancel again", false],
  ]);
  assert.equal(loop.time(), 1);
  loop.close();
});

Deno.test("GatheringFuture.cancel() fails the gather with CancelledError even with returnExceptions", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  await loop.runUntilComplete(async () => {
    const gathering = gather([() => sleep(10), () => value(0, "x")], {
      returnExceptions: true,
    });
    await sleep(1);
    gathering.cancel();
    try {
      log.push(["result", await gathering]);
    } catch (error) {
      log.push(["gather", (error as Error).name]);
    }
  });
  // asyncio 3.11: [(1, 'cancelled', ()), ('gather', 'cancelled', ())]
  assert.deepEqual(log, [["gather", "CancelledError"]]);
  loop.close();
});

Deno.test("GatheringFuture.cancel() returns false once every child is done", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const a = loop.createFuture<number>();
    const gathering = gather([a]);
    a.setResult(1);
    assert.equal(gathering.cancel(), false);
    assert.deepEqual(await gathering, [1]);
    assert.equal(gathering.cancel(), false);
  });
  loop.close();
});

Deno.test("gather() awaited by a cancelled task cancels its children", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  const child = async (n: number) => {
    try {
      await sleep(10);
    } catch (error) {
      log.push([n, "cancelled", (error as Error).message]);
      throw error;
    }
  };
  const task = loop.createTask(async () => {
    await gather([() => child(1), () => child(2)]);
  });
  await loop.runUntilComplete(() => sleep(0));
  await loop.runUntilComplete(() => sleep(0));
  task.cancel("outer");

  await assert.rejects(loop.runUntilComplete(task), { message: "outer" });
  // asyncio 3.11: [(1, 'cancelled', ('outer',)), (2, 'cancelled',
  // ('outer',)), ('task', ('outer',))]
  assert.deepEqual(log, [[1, "cancelled", "outer"], [
    2,
    "cancelled",
    "outer",
  ]]);
  assert.equal(task.cancelled(), true);
  loop.close();
});

Deno.test("gather() of one awaitable several times runs it once and repeats its result", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  let calls = 0;
  const results = await loop.runUntilComplete(() => {
    const future = loop.createFuture<number>();
    loop.callSoon(() => future.setResult(7));
    const fn = () => {
      calls++;
      return value(1, "fn");
    };
    return gather([future, fn, future, fn, future]);
  });
  // asyncio 3.11: gather(f, f, f) -> [7, 7, 7]
  assert.deepEqual(results, [7, "fn", 7, "fn", 7]);
  assert.equal(calls, 1);
  loop.close();
});

Deno.test("gather() of an empty list is done at once with []", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const gathering = gather([]);
    assert.equal(gathering.done(), true);
    assert.deepEqual(await gathering, []);
  });
  loop.close();
});

Deno.test("gather() rejects what is not a list of awaitables", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(() => {
    const future = loop.createFuture<number>();
    // @ts-expect-error: a future, not a list of them
    assert.throws(() => gather(future), {
      name: "TypeError",
      message: /`awaitables`/,
    });
    // @ts-expect-error: not awaitable
    assert.throws(() => gather([future, 42]), {
      name: "TypeError",
      message: /`awaitables`.*42/,
    });
    future.cancel();
  });
  loop.close();
});

Deno.test("shield() keeps the inner future running when the outer one is cancelled", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  await loop.runUntilComplete(async () => {
    const inner = loop.createTask(() => value(2, "inner result"));
    const outer = shield(inner);
    assert.notEqual(outer, inner);
    loop.callLater(1, () => outer.cancel());
    try {
      await outer;
    } catch (error) {
      log.push(["outer", (error as Error).name, loop.time(), inner.done()]);
    }
    log.push([await inner, loop.time()]);
  });
  // asyncio 3.11: [('outer cancelled', 1.0, False), ('inner result', 2.0)]
  assert.deepEqual(log, [
    ["outer", "CancelledError", 1, false],
    ["inner result", 2],
  ]);
  loop.close();
});

Deno.test("shield() protects the inner task when the awaiting task is cancelled", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  const task = loop.createTask(async () => {
    const inner = loop.createTask(() => value(2, "inner result"));
    try {
      await shield(inner);
    } catch (error) {
      log.push([
        "task got",
        (error as Error).message,
        loop.time(),
        inner.done(),
      ]);
    }
    log.push([await inner, loop.time()]);
  });
  loop.callLater(1, () => task.cancel("c"));
  await loop.runUntilComplete(task);
  // asyncio 3.11: [('task got', ('c',), 1.0, False), ('inner result', 2.0)]
  assert.deepEqual(log, [["task got", "c", 1, false], ["inner result", 2]]);
  loop.close();
});

Deno.test("shield() follows the inner future's result, exception and cancellation", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    assert.equal(await shield(() => value(1, "followed")), "followed");
    await assert.rejects(async () => await shield(() => failure(1, "bad")), {
      message: "bad",
    });
    const inner = loop.createFuture<string>();
    const outer = shield(inner);
    inner.cancel();
    await assert.rejects(async () => await outer, CancelledError);
    assert.equal(outer.cancelled(), true);
  });
  assert.equal(loop.time(), 2);
  loop.close();
});

Deno.test("shield() of a done future returns that future", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(() => {
    const done: Future<number> = loop.createFuture<number>();
    done.setResult(1);
    assert.equal(shield(done), done);
  });
  loop.close();
});

Deno.test("gather() awaits an awaitable given twice once, and gives its result in both places", async () => {
  // asyncio: print(await gather(done, pending, done, coro, pending, coro,
  // t, t), calls) gives ['d', 'p', 'd', 'c', 'p', 'c', 't', 't'] ['t', 'c']
  const loop = new EventLoop();
  const result = await loop.runUntilComplete(async () => {
    const done = loop.createFuture<string>();
    done.setResult("d");
    const pending = loop.createFuture<string>();
    loop.callSoon(() => pending.setResult("p"));
    const calls: string[] = [];
    const job = async (name: string) => {
      calls.push(name);
      return await Promise.resolve(name);
    };
    const coro = () => job("c");
    const t = loop.createTask(() => job("t"));
    const values = await gather([
      done,
      pending,
      done,
      coro,
      pending,
      coro,
      t,
      t,
    ]);
    return [values, calls];
  });
  assert.deepEqual(result, [["d", "p", "d", "c", "p", "c", "t", "t"], [
    "t",
    "c",
  ]]);
  loop.close();
});
