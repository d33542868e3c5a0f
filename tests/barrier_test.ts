import assert from "node:assert/strict";
import {
  Barrier,
  BrokenBarrierError,
  CancelledError,
  createTask,
  gather,
  sleep,
} from "../mod.ts";
import { main } from "./_virtual_loop.ts";

// Expected orders come from the same programs run on CPython 3.13's
// asyncio (the differential pairs in tests/reference/locks/ hold more).

Deno.test("Barrier() checks its parties", () => {
  assert.throws(() => new Barrier(0), {
    name: "RangeError",
    message: "Barrier() expected `parties` to be an integer >= 1, got 0",
  });
  assert.throws(() => new Barrier(2.5), RangeError);
  assert.throws(() => new Barrier("3" as never), {
    name: "TypeError",
    message: 'Barrier() expected `parties` to be an integer >= 1, got "3"',
  });
  const barrier = new Barrier(3);
  assert.equal(barrier.parties, 3);
  assert.equal(barrier.nWaiting, 0);
  assert.equal(barrier.broken, false);
  assert.equal(String(barrier), "<Barrier [filling, waiters:0/3]>");
});

Deno.test("BrokenBarrierError is an Error named after its class", () => {
  const error = new BrokenBarrierError("Barrier aborted");
  assert.ok(error instanceof Error);
  assert.equal(error.name, "BrokenBarrierError");
});

for (const form of ["async", "gen"] as const) {
  Deno.test(`Barrier lets each round go together, newcomers wait for the next [${form}]`, async () => {
    const log = await main(async (loop) => {
      const barrier = new Barrier(2);
      const log: string[] = [];
      const asyncParty = async (name: string, delay: number) => {
        await sleep(delay);
        const index = await barrier.wait();
        log.push(`${name} ${index} at ${loop.time()}`);
      };
      function* genParty(name: string, delay: number) {
        yield* sleep(delay);
        const index = yield* barrier.wait();
        log.push(`${name} ${index} at ${loop.time()}`);
      }
      const party = (name: string, delay: number) =>
        form === "async"
          ? createTask(() => asyncParty(name, delay))
          : createTask(genParty(name, delay));
      const tasks = [
        party("a", 1),
        party("b", 2),
        party("c", 2),
        party("d", 3),
      ];
      await sleep(1.5);
      log.push(String(barrier));
      await gather(tasks);
      log.push(String(barrier));
      return log;
    });
    assert.deepEqual(log, [
      "<Barrier [filling, waiters:1/2]>",
      "b 1 at 2",
      "a 0 at 2",
      "d 1 at 3",
      "c 0 at 3",
      "<Barrier [filling, waiters:0/2]>",
    ]);
  });
}

Deno.test("Barrier.abort() breaks it for the waiting tasks and the later ones", async () => {
  const log = await main(async () => {
    const barrier = new Barrier(3);
    const log: string[] = [];
    const party = (name: string) =>
      createTask(async () => {
        try {
          await barrier.wait();
        } catch (error) {
          assert.ok(error instanceof BrokenBarrierError);
          log.push(`${name}: ${error.message}`);
        }
      });
    const a = party("a");
    const b = party("b");
    await sleep(0);
    log.push(String(barrier));
    await barrier.abort();
    await gather([a, b]);
    log.push(String(barrier));
    await party("c");
    log.push(`broken: ${barrier.broken}`);
    return log;
  });
  assert.deepEqual(log, [
    "<Barrier [filling, waiters:2/3]>",
    "a: Abort or reset of barrier",
    "b: Abort or reset of barrier",
    "<Barrier [broken]>",
    "c: Barrier aborted",
    "broken: true",
  ]);
});

Deno.test("Barrier.reset() breaks the round, then the barrier fills again", async () => {
  const log = await main(async () => {
    const barrier = new Barrier(2);
    const log: string[] = [];
    const party = (name: string) =>
      createTask(function* () {
        try {
          const index = yield* barrier.wait();
          log.push(`${name} passed ${index}`);
        } catch (error) {
          log.push(`${name}: ${(error as Error).name}`);
        }
      });
    const a = party("a");
    await sleep(0);
    const resetting = createTask(barrier.reset());
    await sleep(0);
    log.push(String(barrier));
    await gather([a, resetting]);
    log.push(String(barrier));
    await gather([party("b"), party("c")]);
    return log;
  });
  assert.deepEqual(log, [
    "<Barrier [resetting, waiters:0/2]>",
    "a: BrokenBarrierError",
    "<Barrier [filling, waiters:0/2]>",
    "c passed 1",
    "b passed 0",
  ]);
});

Deno.test("Barrier: a cancelled party leaves the count", async () => {
  await main(async () => {
    const barrier = new Barrier(2);
    const a = createTask(() => barrier.wait());
    await sleep(0);
    assert.equal(barrier.nWaiting, 1);
    a.cancel();
    await assert.rejects(async () => await a, CancelledError);
    assert.equal(barrier.nWaiting, 0);
    const [b, c] = await gather([barrier.wait(), barrier.wait()]);
    assert.deepEqual([b, c], [0, 1]);
  });
});

Deno.test("Barrier(1) never waits", async () => {
  const barrier = new Barrier(1);
  assert.equal(await barrier.wait(), 0);
  assert.equal(await barrier.wait(), 0);
});
