import assert from "node:assert/strict";
import {
  allTasks,
  CancelledError,
  currentTask,
  type EventLoop,
  getEventLoop,
  getRunningLoop,
  run,
  sleep,
} from "../mod.ts";
import { keepingCurrentLoop } from "./_current_loop.ts";

// Expected values come from the same programs run on Python 3.11's asyncio.

Deno.test("run() returns main's result, cancels the tasks left and closes its loop", async () => {
  await keepingCurrentLoop(async () => {
    const log: unknown[] = [];
    let loop!: EventLoop;
    const background = async (name: string) => {
      try {
        await sleep(100);
      } catch (error) {
        log.push([name, "cancelled", (error as Error).name]);
        throw error;
      }
    };
    const stubborn = async () => {
      try {
        await sleep(100);
      } catch {
        log.push(["stubborn", "caught"]);
        await sleep(1);
        log.push(["stubborn", "finished"]);
        return "x";
      }
    };
    const result = await run(async () => {
      loop = getRunningLoop();
      assert.equal(getEventLoop(), loop);
      loop.createTask(() => background("a"));
      loop.createTask(() => background("b"));
      loop.createTask(stubborn);
      await sleep(0);
      log.push(["main returns", allTasks().size]);
      return 42;
    }, { clock: "virtual" });

    assert.equal(result, 42);
    // asyncio 3.11 (a and b come in set order): [('main', 'returns', 4),
    // ('b', 'cancelled', ()), ('stubborn', 'caught'), ('a', 'cancelled', ()),
    // ('stubborn', 'finished')]
    assert.deepEqual(log, [
      ["main returns", 4],
      ["a", "cancelled", "CancelledError"],
      ["b", "cancelled", "CancelledError"],
      ["stubborn", "caught"],
      ["stubborn", "finished"],
    ]);
    assert.equal(loop.isClosed(), true);
    assert.equal(loop.isRunning(), false);
    assert.equal(loop.time(), 1);
    assert.equal(allTasks(loop).size, 0);
  });
});

Deno.test("run() turns the loop for asyncio's shutdown steps: queued callbacks keep running as long", async () => {
  await keepingCurrentLoop(async () => {
    // asyncio.run() runs shutdown_asyncgens() and shutdown_default_executor()
    // as tasks after main, two iterations each; with Python 3.11, a ticker
    // started by main prints ticks 0 to 6, main returning after tick 1.
    const log: string[] = [];
    let loop!: EventLoop;
    const tick = (n: number): void => {
      log.push(`tick ${n}`);
      if (n < 20) loop.callSoon(tick, n + 1);
    };
    const result = await run(async () => {
      loop = getRunningLoop();
      loop.callSoon(tick, 0);
      await sleep(0);
      await sleep(0);
      log.push("main returns");
      return "main";
    }, { clock: "virtual" });
    assert.equal(result, "main");
    assert.deepEqual(log, [
      "tick 0",
      "tick 1",
      "main returns",
      ...[2, 3, 4, 5, 6].map((n) => `tick ${n}`),
    ]);
  });
});

Deno.test("run() leaves no current event loop: getEventLoop() throws afterwards, as asyncio", async () => {
  await keepingCurrentLoop(async () => {
    await run(() => sleep(0), { clock: "virtual" });
    // asyncio 3.11: RuntimeError("There is no current event loop in thread
    // 'MainThread'.")
    assert.throws(() => getEventLoop(), {
      message: "There is no current event loop",
    });
  });
});

Deno.test("run() inside a running loop throws asyncio's message", async () => {
  await keepingCurrentLoop(async () => {
    let called = false;
    const outer = await run(async () => {
      await assert.rejects(
        run(() => {
          called = true;
        }),
        { message: "run() cannot be called from a running event loop" },
      );
      return "outer";
    }, { clock: "virtual" });
    assert.equal(outer, "outer");
    assert.equal(called, false);
  });
});

Deno.test("run() rejects with main's error, and still closes the loop", async () => {
  await keepingCurrentLoop(async () => {
    let loop!: EventLoop;
    await assert.rejects(
      run(async () => {
        loop = getRunningLoop();
        await sleep(1);
        throw new Error("main failed");
      }, { clock: "virtual" }),
      { message: "main failed" },
    );
    assert.equal(loop.isClosed(), true);
  });
});

Deno.test("run() runs a main that is cancelled to a CancelledError", async () => {
  await keepingCurrentLoop(async () => {
    await assert.rejects(
      run(async () => {
        currentTask()!.cancel("self");
        await sleep(1);
      }, { clock: "virtual" }),
      (error: unknown) =>
        error instanceof CancelledError && error.message === "self",
    );
  });
});

Deno.test("run() takes a promise as main, and rejects what is neither", async () => {
  await keepingCurrentLoop(async () => {
    assert.equal(await run(Promise.resolve("promise")), "promise");
    await assert.rejects(
      // @ts-expect-error: not an async function or a promise
      run(42),
      { name: "TypeError", message: /`main`/ },
    );
  });
});

Deno.test("run() on a virtual clock sleeps for an hour in no time", async () => {
  await keepingCurrentLoop(async () => {
    const times = await run(async () => {
      const loop = getRunningLoop();
      const start = loop.time();
      await sleep(3600);
      return [start, loop.time()];
    }, { clock: "virtual" });
    assert.deepEqual(times, [0, 3600]);
  });
});
