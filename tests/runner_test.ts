// Mains that return at once (no await, no yield) are mains all the same.
// deno-lint-ignore-file require-yield require-await
import assert from "node:assert/strict";
import {
  allTasks,
  ContextVar,
  copyContext,
  createTask,
  currentTask,
  EventLoop,
  getEventLoop,
  getRunningLoop,
  run,
  Runner,
  setEventLoop,
  sleep,
} from "../mod.ts";
import { keepingCurrentLoop } from "./_current_loop.ts";

Deno.test("Runner.run() runs several mains on one loop; tasks left by one run go on in the next", async () => {
  await keepingCurrentLoop(async () => {
    const runner = new Runner({ clock: "virtual" });
    const loop = runner.getLoop();
    assert.equal(getEventLoop(), loop);
    const log: string[] = [];
    let background: ReturnType<typeof createTask<void>> | undefined;
    const first = await runner.run(async () => {
      assert.equal(getRunningLoop(), loop);
      background = createTask(async () => {
        await sleep(1);
        log.push(`background at ${loop.time()}`);
        await sleep(10);
        log.push("never");
      });
      await sleep(0.5);
      return "first";
    });
    assert.equal(first, "first");
    assert.equal(background!.done(), false);
    const second = await runner.run(function* () {
      yield* sleep(2);
      return "second";
    });
    assert.equal(second, "second");
    assert.deepEqual(log, ["background at 1"]);
    assert.equal(loop.time(), 2.5);
    await runner.close();
    assert.ok(background!.cancelled());
    assert.ok(loop.isClosed());
    assert.deepEqual(log, ["background at 1"]);
    assert.throws(() => getEventLoop(), /There is no current event loop/);
  });
});

Deno.test("Runner.run() takes an async function, a generator function, a generator and a promise", async () => {
  await keepingCurrentLoop(async () => {
    const runner = new Runner();
    assert.equal(await runner.run(async () => 1), 1);
    assert.equal(
      await runner.run(function* () {
        yield;
        return 2;
      }),
      2,
    );
    assert.equal(
      await runner.run((function* () {
        return 3;
      })()),
      3,
    );
    assert.equal(await runner.run(Promise.resolve(4)), 4);
    await runner.close();
  });
});

Deno.test("Runner.run() runs every main in the runner's context, so a variable set in one run is seen by the next", async () => {
  await keepingCurrentLoop(async () => {
    const name = new ContextVar<string>("name", { default: "unset" });
    const runner = new Runner();
    await runner.run(async () => void name.set("first run"));
    assert.equal(await runner.run(async () => name.get()), "first run");
    // An explicit context replaces the runner's.
    const other = copyContext();
    assert.equal(
      await runner.run(async () => name.get(), { context: other }),
      "unset",
    );
    assert.equal(name.get(), "unset");
    await runner.close();
  });
});

Deno.test("Runner.close(): cancels the tasks left, reports the failures nobody retrieved, and is idempotent", async () => {
  await keepingCurrentLoop(async () => {
    const reports: string[] = [];
    const runner = new Runner({ clock: "virtual" });
    const loop = runner.getLoop();
    loop.setExceptionHandler((_loop, context) => reports.push(context.message));
    const cleanup: string[] = [];
    await runner.run(async () => {
      createTask(async () => {
        try {
          await sleep(100);
        } finally {
          cleanup.push("cancelled task cleans up");
        }
      });
      createTask(async () => {
        throw new Error("nobody awaits me");
      });
      await sleep(0);
    });
    await runner.close();
    assert.deepEqual(cleanup, ["cancelled task cleans up"]);
    assert.deepEqual(reports, ["Task exception was never retrieved"]);
    await runner.close();
    assert.equal(String(runner), "<Runner closed>");
  });
});

Deno.test("Runner: a closed runner refuses run() and getLoop(); a runner never used closes to nothing", async () => {
  await keepingCurrentLoop(async () => {
    const unused = new Runner();
    await unused.close();
    assert.equal(String(unused), "<Runner created>");
    const runner = new Runner();
    await runner.run(async () => {});
    await runner.close();
    await assert.rejects(runner.run(async () => {}), {
      name: "Error",
      message: "Runner is closed: it cannot run anything any more",
    });
    assert.throws(() => runner.getLoop(), /Runner is closed/);
  });
});

Deno.test("Runner.run() from a running loop, its own included, is refused in this library's words", async () => {
  await keepingCurrentLoop(async () => {
    const runner = new Runner();
    const other = new Runner();
    const messages = await runner.run(async () => {
      const errors: string[] = [];
      for (const target of [runner, other]) {
        await target.run(async () => {}).catch((error: Error) =>
          errors.push(error.message)
        );
      }
      await runner.close().catch((error: Error) => errors.push(error.message));
      return errors;
    });
    assert.deepEqual(messages, [
      "Runner.run() cannot be called from a running event loop",
      "Runner.run() cannot be called from a running event loop",
      "Runner.close() cannot be called while the runner's loop is running",
    ]);
    // Two runs at once: the second finds the first one's loop running.
    const first = runner.run(() => sleep(0));
    await assert.rejects(runner.run(() => sleep(0)), {
      message: "Runner.run() cannot be called from a running event loop",
    });
    await first;
    await runner.close();
    await other.close();
  });
});

Deno.test("Runner({ loopFactory }) runs on the factory's loop, which it does not make current; debug sets its debug mode", async () => {
  await keepingCurrentLoop(async () => {
    setEventLoop(null);
    const loop = new EventLoop({ clock: "virtual" });
    const runner = new Runner({ loopFactory: () => loop, debug: true });
    assert.equal(runner.getLoop(), loop);
    assert.equal(loop.getDebug(), true);
    assert.throws(() => getEventLoop(), /There is no current event loop/);
    assert.equal(await runner.run(() => sleep(3, "slept")), "slept");
    assert.equal(loop.time(), 3);
    await runner.close();
    assert.ok(loop.isClosed());
    const quiet = new Runner({ debug: false });
    assert.equal(quiet.getLoop().getDebug(), false);
    await quiet.close();
  });
});

Deno.test("Runner[Symbol.asyncDispose]() closes the runner at the end of an `await using` block", async () => {
  await keepingCurrentLoop(async () => {
    let loop: EventLoop;
    let task: ReturnType<typeof createTask<void>> | undefined;
    {
      await using runner = new Runner({ clock: "virtual" });
      loop = runner.getLoop();
      await runner.run(async () => {
        task = createTask(() => sleep(10));
      });
    }
    assert.ok(loop.isClosed());
    assert.ok(task!.cancelled());
  });
});

Deno.test("Runner rejects bad options, naming the option", async (t) => {
  const cases: [string, () => unknown, string][] = [
    [
      "an unknown key",
      () => new Runner({ debgu: true } as never),
      'Runner() got an unknown option "debgu": it takes { clock, autojump, debug, loopFactory }',
    ],
    [
      "options not an object",
      () => new Runner(42 as never),
      "Runner() expected `options` to be an object such as { clock, autojump, debug, loopFactory }, got 42",
    ],
    [
      "debug not a boolean",
      () => new Runner({ debug: 1 as never }),
      "Runner() expected `options.debug` to be a boolean, got 1",
    ],
    [
      "loopFactory not a function",
      () => new Runner({ loopFactory: new EventLoop() as never }),
      "Runner() expected `options.loopFactory` to be a function that returns an EventLoop, got <EventLoop running=false closed=false>",
    ],
    [
      "clock and loopFactory together",
      () =>
        new Runner({ clock: "virtual", loopFactory: () => new EventLoop() }),
      "Runner() expected either `options.clock` or `options.loopFactory`, got both (give the factory's loop its clock)",
    ],
    [
      "a factory that returns no loop",
      () => new Runner({ loopFactory: () => 42 as never }).getLoop(),
      "Runner() expected `options.loopFactory()` to be an EventLoop, got 42",
    ],
  ];
  for (const [name, fn, message] of cases) {
    await t.step(name, () => {
      assert.throws(fn, { name: "TypeError", message });
    });
  }
  await t.step("Runner.run()'s main and options", async () => {
    const runner = new Runner();
    await assert.rejects(runner.run(42 as never), {
      name: "TypeError",
      message:
        "Runner.run() expected `main` to be an async function or a promise, got 42",
    });
    await assert.rejects(runner.run(async () => {}, { ctx: 1 } as never), {
      name: "TypeError",
      message: 'Runner.run() got an unknown option "ctx": it takes { context }',
    });
    await assert.rejects(
      runner.run(async () => {}, { context: {} as never }),
      {
        name: "TypeError",
        message:
          "Runner.run() expected `options.context` to be a Context, got {}",
      },
    );
    assert.equal(String(runner), "<Runner created>");
  });
  await t.step("run()'s options", async () => {
    await assert.rejects(
      run(async () => {}, { clock: "virtual", x: 1 } as never),
      {
        name: "TypeError",
        message:
          'run() got an unknown option "x": it takes { clock, autojump, debug, loopFactory }',
      },
    );
  });
});

Deno.test("run() is a Runner's one run: debug and loopFactory reach its loop, and it closes it", async () => {
  await keepingCurrentLoop(async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const seen = await run(async () => {
      createTask(() => sleep(100));
      await sleep(1);
      return [getRunningLoop() === loop, loop.getDebug(), allTasks().size];
    }, { loopFactory: () => loop, debug: true });
    assert.deepEqual(seen, [true, true, 2]);
    assert.ok(loop.isClosed());
    assert.equal(currentTask(loop), undefined);
  });
});
