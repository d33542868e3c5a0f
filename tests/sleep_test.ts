import assert from "node:assert/strict";
import { EventLoop, type Future, sleep } from "../mod.ts";

// Expected values come from the same programs run on Python 3.11's asyncio.

Deno.test("sleep() advances a virtual clock by exactly the delay", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const times = await loop.runUntilComplete(async () => {
    const times = [loop.time()];
    await sleep(1.5);
    times.push(loop.time());
    await sleep(0.25);
    times.push(loop.time());
    await sleep(0);
    times.push(loop.time());
    return times;
  });
  assert.deepEqual(times, [0, 1.5, 1.75, 1.75]);
  loop.close();
});

Deno.test("sleep() for an hour on a virtual clock returns at loop.time() 3600, without waiting an hour", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const result = await loop.runUntilComplete(() => sleep(3600, "an hour"));
  assert.equal(result, "an hour");
  assert.equal(loop.time(), 3600);
  // Concurrent sleeps wake in deadline order, each at its own time.
  const woke: number[] = [];
  await loop.runUntilComplete(async () => {
    const sleeper = async (delay: number) => {
      await sleep(delay);
      woke.push(loop.time() - 3600);
    };
    await Promise.all([sleeper(86_400), sleeper(60), sleeper(3600)]);
  });
  assert.deepEqual(woke, [60, 3600, 86_400]);
  loop.close();
});

Deno.test("sleep() resolves with its result, or undefined", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  assert.equal(await loop.runUntilComplete(() => sleep(1, "value")), "value");
  const object = { a: 1 };
  assert.equal(await loop.runUntilComplete(() => sleep(0, object)), object);
  assert.equal(await loop.runUntilComplete(() => sleep(1)), undefined);
  loop.close();
});

Deno.test("sleep(0) yields for exactly one loop iteration", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  const chain = (n: number): void => {
    log.push(`cb${n}`);
    if (n < 3) loop.callSoon(chain, n + 1);
  };
  await loop.runUntilComplete(async () => {
    loop.callSoon(chain, 1);
    log.push("before");
    await sleep(0);
    log.push("after1");
    await sleep(0);
    log.push("after2");
  });
  // asyncio 3.11: ['before', 'cb1', 'after1', 'cb2', 'after2', 'cb3']
  assert.deepEqual(log, ["before", "cb1", "after1", "cb2", "after2", "cb3"]);
  loop.close();
});

Deno.test("sleep() with a negative delay yields one iteration, as sleep(0)", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  await loop.runUntilComplete(async () => {
    loop.callSoon(() => log.push("soon"));
    await sleep(-5);
    log.push("after");
  });
  // asyncio 3.11: ['soon', 'after']
  assert.deepEqual(log, ["soon", "after"]);
  assert.equal(loop.time(), 0);
  loop.close();
});

Deno.test("sleep() cancelled cancels its timer, so the loop has nothing left to run", async (t) => {
  // A virtual clock jumps to the next timer whenever nothing is ready: a
  // timer left behind would move time() to 3600. The loop is stopped from
  // outside (the host's timer), once it has nothing to do.
  for (const cancel of [true, false]) {
    await t.step(cancel ? "cancelled" : "not cancelled (control)", async () => {
      const loop = new EventLoop({ clock: "virtual" });
      let slept: Future<void> | undefined;
      await loop.runUntilComplete(() => {
        slept = sleep(3600);
      });
      if (cancel) assert.equal(slept!.cancel("no need"), true);
      setTimeout(() => loop.stop(), 0);
      await loop.runForever();
      assert.equal(loop.time(), cancel ? 0 : 3600);
      assert.equal(slept!.cancelled(), cancel);
      assert.equal(slept!.done(), true);
      loop.close();
    });
  }
});

Deno.test("sleep() cancelled by cancelling its task leaves no timer behind", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const task = loop.createTask(() => sleep(3600));
  loop.callLater(1, () => task.cancel());
  await assert.rejects(loop.runUntilComplete(task), { name: "CancelledError" });
  assert.equal(loop.time(), 1);
  setTimeout(() => loop.stop(), 0);
  await loop.runForever();
  assert.equal(loop.time(), 1);
  loop.close();
});

Deno.test("sleep() rejects a delay that is not a number of seconds", async (t) => {
  const loop = new EventLoop({ clock: "virtual" });
  const cases = [
    { delay: "1", error: TypeError, message: /`delay`.*"1"/ },
    { delay: null, error: TypeError, message: /`delay`/ },
    { delay: undefined, error: TypeError, message: /`delay`/ },
    { delay: 1n, error: TypeError, message: /`delay`/ },
    { delay: NaN, error: RangeError, message: /`delay`.*NaN/ },
  ];
  for (const { delay, error, message } of cases) {
    await t.step(String(delay), () => {
      assert.throws(() => sleep(delay as number), (thrown: unknown) => {
        assert.ok(thrown instanceof error);
        assert.match((thrown as Error).message, message);
        return true;
      });
    });
  }
  loop.close();
});
