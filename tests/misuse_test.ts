/**
 * Misuse fails at once, with a message that says what to do: the helpers
 * that need a running loop throw without one (naming `run(main)` and
 * `loop.runUntilComplete(main)`), `loop.runUntilComplete(main())` and
 * `run(main())` of an `async` function that called one too early say to pass
 * `main` itself, and a task that awaits itself ends with asyncio's error.
 * A top-level `await sleep(1)` is tests/integration/no_loop_test.ts's.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  asCompleted,
  ensureFuture,
  EventLoop,
  type ExceptionContext,
  gather,
  run,
  setEventLoop,
  shield,
  sleep,
  type Task,
  TaskGroup,
  timeout,
  timeoutAt,
  wait,
  waitFor,
} from "../mod.ts";

function needsLoop(method: string): string {
  return `${method}() needs a running event loop: call it from code run by run(main) or loop.runUntilComplete(main)`;
}

/** Calls `call`, and returns what it threw or its promise rejected with. */
async function failure(call: () => unknown): Promise<unknown> {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    return error;
  }
  try {
    await result;
  } catch (error) {
    return error;
  }
  assert.fail("no error");
}

Deno.test("every helper that needs a running loop throws at once without one, naming run(main) and loop.runUntilComplete()", async (t) => {
  // No current loop either, as after run(): nothing to fall back on.
  setEventLoop(null);
  const idle = new EventLoop();
  const cases: Array<[string, string, () => unknown]> = [
    ["sleep(1)", "sleep", () => sleep(1)],
    ["sleep(0)", "sleep", () => sleep(0, "result")],
    ["timeout(1, body)", "timeout", () => timeout(1, () => 1)],
    ["timeout(1)", "timeout", () => timeout(1)],
    ["timeout(null)", "timeout", () => timeout(null)],
    ["timeoutAt(5, body)", "timeoutAt", () => timeoutAt(5, () => 1)],
    ["timeoutAt(5).run(body)", "Timeout.run", () => timeoutAt(5).run(() => 1)],
    ["timeoutAt(5).enter()", "Timeout.enter", () => timeoutAt(5).enter()],
    ["waitFor(async function, 1)", "waitFor", () => waitFor(() => sleep(1), 1)],
    ["waitFor(future, 1)", "waitFor", () => waitFor(idle.createFuture(), 1)],
    ["waitFor(future, 0)", "waitFor", () => waitFor(idle.createFuture(), 0)],
    [
      "new TaskGroup().run(body)",
      "TaskGroup.run",
      () => new TaskGroup().run(() => 1),
    ],
    [
      "new TaskGroup().enter()",
      "TaskGroup.enter",
      () => new TaskGroup().enter(),
    ],
    ["gather([async function])", "gather", () => gather([() => sleep(1)])],
    ["gather([promise])", "gather", () => gather([Promise.resolve(1)])],
    ["gather([])", "gather", () => gather([])],
    ["shield(async function)", "shield", () => shield(() => sleep(1))],
    [
      "ensureFuture(promise)",
      "ensureFuture",
      () => ensureFuture(Promise.resolve(1)),
    ],
    [
      "asCompleted([async function])",
      "asCompleted",
      () => asCompleted([() => sleep(1)]),
    ],
  ];
  for (const [name, method, call] of cases) {
    await t.step(name, async () => {
      const error = await failure(call);
      assert.ok(error instanceof Error);
      assert.equal(error.message, needsLoop(method));
    });
  }
  idle.close();
});

Deno.test("gather(), shield(), wait(), asCompleted() and ensureFuture() of futures take their loop, with none running", async () => {
  setEventLoop(null);
  const loop = new EventLoop({ clock: "virtual" });
  const a = loop.createFuture<string>();
  const b = loop.createFuture<number>();
  loop.callLater(1, () => a.setResult("a"));
  loop.callLater(2, () => b.setResult(2));
  // A tuple of futures: the gather, and the tasks it makes for the
  // async functions beside them, belong to the futures' loop.
  const gathered = gather([a, () => sleep(1, "slept"), b]);
  assert.equal(gathered.getLoop(), loop);
  assert.deepEqual(await loop.runUntilComplete(gathered), ["a", "slept", 2]);

  const c = loop.createFuture<string>();
  assert.equal(ensureFuture(c), c);
  const shielded = shield(c);
  assert.equal(shielded.getLoop(), loop);
  loop.callLater(1, () => c.setResult("c"));
  const waited = wait([c], { timeout: 5 });
  const [done, pending] = await loop.runUntilComplete(waited);
  assert.deepEqual([done.size, pending.size], [1, 0]);
  assert.equal(shielded.result(), "c");

  const d = loop.createFuture<string>();
  loop.callLater(1, () => d.setResult("d"));
  const completed = asCompleted([d, () => sleep(2, "e")]);
  const order = await loop.runUntilComplete(async () => {
    const results: string[] = [];
    for await (const next of completed) results.push(next.result());
    return results;
  });
  assert.deepEqual(order, ["d", "e"]);
  loop.close();
});

Deno.test("gather() of async functions takes the current loop when one was set, as asyncio's get_event_loop()", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  setEventLoop(loop);
  try {
    const gathered = gather([() => sleep(1, 1), () => sleep(2, 2)]);
    assert.equal(gathered.getLoop(), loop);
    assert.deepEqual(await loop.runUntilComplete(gathered), [1, 2]);
  } finally {
    setEventLoop(null);
    loop.close();
  }
});

Deno.test("loop.runUntilComplete(main()) of an async function that called sleep() before the loop says to pass main itself", async () => {
  setEventLoop(null);
  const loop = new EventLoop({ clock: "virtual" });
  const reports: ExceptionContext[] = [];
  loop.setExceptionHandler((_loop, context) => void reports.push(context));
  async function main(): Promise<string> {
    await sleep(0.01);
    return "done";
  }
  const error = await failure(() => loop.runUntilComplete(main()));
  assert.ok(error instanceof Error);
  assert.equal(
    error.message,
    "loop.runUntilComplete() was given a promise that had already failed: sleep() needs a running event loop, and the promise's code called it before the loop ran. Pass the async function itself: loop.runUntilComplete(main), not loop.runUntilComplete(main())",
  );
  assert.ok(error.cause instanceof Error);
  assert.equal(error.cause.message, needsLoop("sleep"));
  // The loop is fine, and main itself runs.
  assert.equal(await loop.runUntilComplete(main), "done");
  loop.close();
  assert.deepEqual(reports, []);
});

Deno.test("loop.runUntilComplete(main()) says to pass main itself for every helper that needs a running loop", async () => {
  setEventLoop(null);
  const loop = new EventLoop({ clock: "virtual" });
  const bodies: Array<[string, () => Promise<unknown>]> = [
    ["gather", async () => await gather([() => sleep(1)])],
    ["waitFor", async () => await waitFor(() => sleep(1), 5)],
    ["timeout", async () => await timeout(5, () => sleep(1))],
    ["TaskGroup.run", async () => await new TaskGroup().run(() => sleep(1))],
  ];
  for (const [method, main] of bodies) {
    const error = await failure(() => loop.runUntilComplete(main()));
    assert.ok(error instanceof Error);
    assert.match(
      error.message,
      new RegExp(
        `^loop\\.runUntilComplete\\(\\) was given a promise that had already failed: ${
          method.replace(".", "\\.")
        }\\(\\) needs a running event loop, .* Pass the async function itself: loop\\.runUntilComplete\\(main\\), not loop\\.runUntilComplete\\(main\\(\\)\\)$`,
      ),
    );
    // Passed as a function, it runs.
    await loop.runUntilComplete(main);
  }
  loop.close();
});

Deno.test("run(main()) of an async function that called sleep() before the loop says to pass main itself", async () => {
  setEventLoop(null);
  async function main(): Promise<string> {
    await sleep(1);
    return "done";
  }
  const error = await failure(() => run(main(), { clock: "virtual" }));
  assert.ok(error instanceof Error);
  assert.equal(
    error.message,
    "run() was given a promise that had already failed: sleep() needs a running event loop, and the promise's code called it before the loop ran. Pass the async function itself: run(main), not run(main())",
  );
  assert.equal((error.cause as Error).message, needsLoop("sleep"));
  assert.equal(await run(main, { clock: "virtual" }), "done");
});

Deno.test("a promise that awaits a future first runs on the loop: runUntilComplete(main()) works then", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const start = loop.createFuture<void>();
  loop.callSoon(() => start.setResult());
  async function main(): Promise<string> {
    await start; // from here on, main runs on the loop
    return await sleep(1, "slept");
  }
  assert.equal(await loop.runUntilComplete(main()), "slept");
  loop.close();
});

Deno.test("an error of the same words that no helper threw is not rewritten", async () => {
  const loop = new EventLoop();
  const error = new Error(needsLoop("sleep"));
  const rejected = Promise.reject(error);
  await assert.rejects(loop.runUntilComplete(rejected), (thrown) => {
    assert.equal(thrown, error);
    return true;
  });
  loop.close();
});

Deno.test("a generator task that awaits itself ends with 'Task cannot await on itself', and the loop goes on", async () => {
  const loop = new EventLoop();
  const other = loop.createTask(async () => await sleep(0, "other"));
  const task: Task<void> = loop.createTask(function* () {
    yield* task;
  });
  await assert.rejects(loop.runUntilComplete(task), {
    message: /^Task cannot await on itself: <Task pending name='Task-\d+'/,
  });
  assert.equal(await loop.runUntilComplete(other), "other");
  loop.close();
});

Deno.test({
  name:
    "an async task that awaits itself ends with 'Task cannot await on itself', and the loop goes on",
  fn: async () => {
    const loop = new EventLoop();
    const other = loop.createTask(async () => await sleep(0, "other"));
    const task: Task<void> = loop.createTask(async () => {
      await task;
    });
    await assert.rejects(loop.runUntilComplete(task), {
      message: /^Task cannot await on itself: <Task pending name='Task-\d+'/,
    });
    assert.equal(await loop.runUntilComplete(other), "other");
    loop.close();
  },
});
