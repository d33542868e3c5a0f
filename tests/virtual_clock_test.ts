// The virtual clock under the test's control (issue #15): `autojump`
// (true, false, or real seconds idle before a jump, as Trio's MockClock's
// autojump_threshold) and `loop.advance(seconds)`. asyncio has no virtual
// clock, so there is no differential pair. No duration is asserted: where
// real time matters, the tests order real events (host timers) against the
// loop's jumps.
import assert from "node:assert/strict";
import {
  createTask,
  ensureFuture,
  EventLoop,
  type Future,
  sleep,
  timeout,
  TimeoutError,
} from "../mod.ts";

function hostTimer(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A promise of someone else's: a task that awaits it is away. */
function foreign(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => resolve = r);
  return { promise, resolve };
}

Deno.test("autojump false: time stands still while the loop waits, until advance() moves it", async () => {
  const loop = new EventLoop({ clock: "virtual", autojump: false });
  const woke: number[] = [];
  const main = loop.runUntilComplete(async () => {
    await sleep(1);
    woke.push(loop.time());
    await sleep(2);
    woke.push(loop.time());
    return "done";
  });
  // Real time passes; the loop waits (it neither jumps nor ends the run).
  await hostTimer(30);
  assert.equal(loop.time(), 0);
  assert.deepEqual(woke, []);
  assert.equal(loop.isRunning(), true);
  await loop.advance(0.5);
  assert.equal(loop.time(), 0.5);
  assert.deepEqual(woke, []);
  await loop.advance(0.5);
  assert.deepEqual(woke, [1]);
  await hostTimer(10);
  assert.equal(loop.time(), 1);
  await loop.advance(5);
  assert.deepEqual(woke, [1, 3]);
  assert.equal(await main, "done");
  // The run ended at 3; advance() ran the loop on to 6 by itself.
  assert.equal(loop.time(), 6);
  assert.equal(loop.isRunning(), false);
  loop.close();
});

Deno.test("advance() runs the callbacks that fall due in time order, each at its own deadline, and those they schedule on the way", async () => {
  const loop = new EventLoop({ clock: "virtual", autojump: false });
  const calls: string[] = [];
  const at = (name: string) => () => calls.push(`${name}@${loop.time()}`);
  loop.callLater(2, at("c"));
  loop.callLater(1, () => {
    at("a")();
    loop.callLater(0.25, at("a+0.25"));
    loop.callLater(5, at("a+5"));
  });
  loop.callAt(1.5, at("b"));
  loop.callLater(1, at("a2"));
  loop.callLater(2.5, at("d"));
  // The loop is not running: advance() runs it, and stops it again.
  await loop.advance(2);
  assert.deepEqual(calls, ["a@1", "a2@1", "a+0.25@1.25", "b@1.5", "c@2"]);
  assert.equal(loop.time(), 2);
  assert.equal(loop.isRunning(), false);
  await loop.advance(4);
  assert.deepEqual(calls.slice(5), ["d@2.5", "a+5@6"]);
  assert.equal(loop.time(), 6);
  loop.close();
});

Deno.test("advance(0) runs what is ready and due now, and the clock stays", async () => {
  const loop = new EventLoop({ clock: "virtual", autojump: false });
  const calls: string[] = [];
  loop.callLater(1, () => calls.push("later"));
  loop.callLater(0, () => calls.push("zero"));
  loop.callSoon(() => calls.push("soon"));
  await loop.advance(0);
  assert.deepEqual(calls, ["soon", "zero"]);
  assert.equal(loop.time(), 0);
  loop.close();
});

Deno.test("advance() lets every promise settle between two steps, however long its chain", async () => {
  const loop = new EventLoop({ clock: "virtual", autojump: false });
  const calls: string[] = [];
  loop.callLater(1, async () => {
    // Far more microtask turns than the loop's idle turns.
    for (let i = 0; i < 50; i++) await Promise.resolve();
    loop.callLater(0.1, () => calls.push(`chained@${loop.time()}`));
  });
  loop.callLater(1.5, () => calls.push(`next@${loop.time()}`));
  await loop.advance(2);
  assert.deepEqual(calls, ["chained@1.1", "next@1.5"]);
  loop.close();
});

Deno.test("advance() wakes sleeping tasks of both kinds at their deadlines, in order", async () => {
  const loop = new EventLoop({ clock: "virtual", autojump: false });
  const woke: string[] = [];
  const main = loop.runUntilComplete(async () => {
    const asyncTask = createTask(async () => {
      await sleep(2);
      woke.push(`async@${loop.time()}`);
      await sleep(2);
      woke.push(`async@${loop.time()}`);
    });
    const generatorTask = createTask(function* () {
      yield* sleep(1);
      woke.push(`generator@${loop.time()}`);
      yield* sleep(2);
      woke.push(`generator@${loop.time()}`);
    });
    await asyncTask;
    await generatorTask;
  });
  await loop.advance(1);
  assert.deepEqual(woke, ["generator@1"]);
  await loop.advance(2.5);
  assert.deepEqual(woke, ["generator@1", "async@2", "generator@3"]);
  await loop.advance(0.5);
  assert.deepEqual(woke, [
    "generator@1",
    "async@2",
    "generator@3",
    "async@4",
  ]);
  await main;
  loop.close();
});

Deno.test("advance() called from tasks of both kinds moves the clock for the other tasks", async () => {
  const loop = new EventLoop({ clock: "virtual", autojump: false });
  const log: string[] = [];
  await loop.runUntilComplete(async () => {
    const sleeper = createTask(async () => {
      await sleep(3);
      log.push(`sleeper@${loop.time()}`);
    });
    await loop.advance(2);
    log.push(`async advanced@${loop.time()}`);
    await createTask(function* () {
      yield* ensureFuture(loop.advance(2));
      log.push(`generator advanced@${loop.time()}`);
    });
    await sleeper;
  });
  assert.deepEqual(log, [
    "async advanced@2",
    "sleeper@3",
    "generator advanced@4",
  ]);
  loop.close();
});

Deno.test("advance() called from inside a task with autojump on: the tasks it wakes run before it returns", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  await loop.runUntilComplete(async () => {
    const sleepers = [3, 7].map((delay) =>
      createTask(async () => {
        await sleep(delay);
        log.push(`slept ${delay}@${loop.time()}`);
      })
    );
    await loop.advance(5);
    log.push(`advanced@${loop.time()}`);
    for (const sleeper of sleepers) await sleeper;
  });
  assert.deepEqual(log, ["slept 3@3", "advanced@5", "slept 7@7"]);
  loop.close();
});

Deno.test("advance() calls pending together resolve each at its own time", async () => {
  const loop = new EventLoop({ clock: "virtual", autojump: false });
  const seen: string[] = [];
  loop.callLater(2, () => seen.push(`timer@${loop.time()}`));
  const main = loop.runUntilComplete(async () => {
    await sleep(10);
  });
  const first = loop.advance(3).then(() => seen.push(`3@${loop.time()}`));
  const second = loop.advance(1).then(() => seen.push(`1@${loop.time()}`));
  await Promise.all([first, second]);
  assert.deepEqual(seen, ["1@1", "timer@2", "3@3"]);
  await loop.advance(7);
  await main;
  loop.close();
});

Deno.test("a run that ends before advance()'s time: advance() runs the loop on, and it is not running once it resolves", async () => {
  const loop = new EventLoop({ clock: "virtual", autojump: false });
  const calls: number[] = [];
  const main = loop.runUntilComplete(async () => {
    loop.callLater(7, () => calls.push(loop.time()));
    await sleep(3);
    return loop.time();
  });
  await loop.advance(10);
  assert.equal(await main, 3);
  assert.deepEqual(calls, [7]);
  assert.equal(loop.time(), 10);
  assert.equal(loop.isRunning(), false);
  // The loop can run again at once.
  assert.equal(
    await loop.runUntilComplete(() => Promise.resolve("again")),
    "again",
  );
  loop.close();
});

Deno.test("autojump true is the default: advance() on such a loop steps too, and the loop jumps by itself after", async () => {
  for (
    const loop of [
      new EventLoop({ clock: "virtual" }),
      new EventLoop({ clock: "virtual", autojump: true }),
      new EventLoop({ clock: "virtual", autojump: 0 }),
    ]
  ) {
    const calls: number[] = [];
    loop.callLater(1, () => calls.push(loop.time()));
    loop.callLater(100, () => calls.push(loop.time()));
    await loop.advance(2);
    assert.deepEqual(calls, [1]);
    assert.equal(loop.time(), 2);
    loop.callLater(200, () => loop.stop());
    await loop.runForever();
    assert.deepEqual(calls, [1, 100]);
    assert.equal(loop.time(), 202);
    loop.close();
  }
});

Deno.test("autojump as a number: the loop waits that long idle in real time, so a host timer comes before the jump", async () => {
  for (
    const [autojump, expected] of [
      [true, ["jump@1", "host timer"]],
      [0.5, ["host timer", "jump@1"]],
    ] as const
  ) {
    const loop = new EventLoop({ clock: "virtual", autojump });
    const log: string[] = [];
    await loop.runUntilComplete(async () => {
      // A host timer that goes through the loop (no task is away on it).
      const fromHost: Future<void> = loop.createFuture();
      setTimeout(() => {
        log.push("host timer");
        loop.callSoon(() => fromHost.setResult());
      }, 0);
      const sleeper = createTask(async () => {
        await sleep(1);
        log.push(`jump@${loop.time()}`);
      });
      await fromHost;
      await sleeper;
    });
    assert.deepEqual(log, expected, `autojump ${autojump}`);
    loop.close();
  }
});

Deno.test("autojump false with a task away on foreign work: the clock never jumps, even once real time has passed", async () => {
  const loop = new EventLoop({ clock: "virtual", autojump: false });
  let caught: unknown;
  const away = foreign();
  const main = loop.runUntilComplete(async () => {
    try {
      await timeout(0.01, () => away.promise);
    } catch (error) {
      caught = error;
    }
    return loop.time();
  });
  await hostTimer(40);
  assert.equal(loop.time(), 0);
  await loop.advance(0.01);
  assert.equal(loop.time(), 0.01);
  // The timeout expired; its body gets the cancellation once it is back.
  assert.equal(caught, undefined);
  away.resolve();
  assert.equal(await main, 0.01);
  assert.ok((caught as unknown) instanceof TimeoutError);
  loop.close();
});

Deno.test("advance() is not held by foreign work: a timeout around it fires at its deadline, at once", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  const away = foreign();
  const main = loop.runUntilComplete(async () => {
    try {
      await timeout(3600, () => away.promise);
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error;
      log.push(`timed out@${loop.time()}`);
    }
  });
  // Autojump alone would hold the clock while the task is away: advance()
  // does not. The host timer asserts no duration: it turns a regression,
  // which would wait forever (away resolves only after advance()), into a
  // failure, with a bound no loaded machine comes near.
  let host: ReturnType<typeof setTimeout> | undefined;
  const tooLate = new Promise<never>((_, reject) => {
    host = setTimeout(() => reject(new Error("advance() was held")), 30_000);
  });
  await Promise.race([loop.advance(3600), tooLate]);
  clearTimeout(host);
  log.push(`advanced@${loop.time()}`);
  // The body gets its cancellation once it is back from the foreign work.
  away.resolve();
  await main;
  assert.deepEqual(log, ["advanced@3600", "timed out@3600"]);
  loop.close();
});

Deno.test("after advance(), a task away on foreign work still holds the autojump clock until it comes back", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  const away = foreign();
  const main = loop.runUntilComplete(async () => {
    const awayTask = createTask(async () => {
      await away.promise;
      log.push(`back@${loop.time()}`);
    });
    const sleeper = createTask(async () => {
      await sleep(1000);
      log.push(`slept@${loop.time()}`);
    });
    await awayTask;
    await sleeper;
  });
  await loop.advance(1);
  await hostTimer(30);
  assert.equal(loop.time(), 1);
  assert.deepEqual(log, []);
  away.resolve();
  await main;
  assert.deepEqual(log, ["back@1", "slept@1000"]);
  loop.close();
});

Deno.test("advance() and autojump refuse bad input with TypeError or RangeError naming the value", async (t) => {
  const bad = <T>(value: unknown): T => value as T;
  const constructorCases: Array<[string, () => unknown, typeof Error, string]> =
    [
      [
        'autojump with clock "real"',
        () => new EventLoop({ clock: "real", autojump: false }),
        TypeError,
        'EventLoop() got `options.autojump` false with the real clock: autojump is an option of clock: "virtual"',
      ],
      [
        "autojump without a clock",
        () => new EventLoop({ autojump: 1 }),
        TypeError,
        'EventLoop() got `options.autojump` 1 with the real clock: autojump is an option of clock: "virtual"',
      ],
      [
        'autojump "yes"',
        () => new EventLoop({ clock: "virtual", autojump: bad("yes") }),
        TypeError,
        'EventLoop() expected `options.autojump` to be true, false or a finite number of seconds >= 0, got "yes"',
      ],
      [
        "autojump -1",
        () => new EventLoop({ clock: "virtual", autojump: -1 }),
        RangeError,
        "EventLoop() expected `options.autojump` to be true, false or a finite number of seconds >= 0, got -1",
      ],
      [
        "autojump NaN",
        () => new EventLoop({ clock: "virtual", autojump: NaN }),
        RangeError,
        "EventLoop() expected `options.autojump` to be true, false or a finite number of seconds >= 0, got NaN",
      ],
      [
        "autojump Infinity",
        () => new EventLoop({ clock: "virtual", autojump: Infinity }),
        RangeError,
        "EventLoop() expected `options.autojump` to be true, false or a finite number of seconds >= 0, got Infinity",
      ],
      [
        "an unknown option",
        () => new EventLoop(bad({ clock: "virtual", autojmp: false })),
        TypeError,
        'EventLoop() got an unknown option "autojmp": it takes { clock, autojump }',
      ],
    ];
  for (const [name, make, error, message] of constructorCases) {
    await t.step(name, () => {
      assert.throws(make, (e: unknown) => {
        assert.equal((e as Error).constructor, error);
        assert.equal((e as Error).message, message);
        return true;
      });
    });
  }
  const loop = new EventLoop({ clock: "virtual", autojump: false });
  const advanceCases: Array<[unknown, typeof Error, string]> = [
    [
      "1",
      TypeError,
      'advance() expected `seconds` to be a number of seconds, got "1"',
    ],
    [
      undefined,
      TypeError,
      "advance() expected `seconds` to be a number of seconds, got undefined",
    ],
    [
      -1,
      RangeError,
      "advance() expected `seconds` to be a finite number of seconds >= 0, got -1",
    ],
    [
      NaN,
      RangeError,
      "advance() expected `seconds` to be a finite number of seconds >= 0, got NaN",
    ],
    [
      Infinity,
      RangeError,
      "advance() expected `seconds` to be a finite number of seconds >= 0, got Infinity",
    ],
  ];
  for (const [seconds, error, message] of advanceCases) {
    await t.step(`advance(${String(seconds)})`, async () => {
      await assert.rejects(loop.advance(bad(seconds)), (e: unknown) => {
        assert.equal((e as Error).constructor, error);
        assert.equal((e as Error).message, message);
        return true;
      });
    });
  }
  // None of them moved the clock or ran the loop.
  assert.equal(loop.time(), 0);
  await t.step("advance() on a real clock", async () => {
    const real = new EventLoop();
    await assert.rejects(real.advance(1), {
      name: "TypeError",
      message:
        'advance() needs a loop with a virtual clock, such as new EventLoop({ clock: "virtual", autojump: false }); this loop runs on the real clock',
    });
    real.close();
  });
  await t.step("advance() on a closed loop", async () => {
    loop.close();
    await assert.rejects(loop.advance(1), {
      name: "Error",
      message: "Event loop is closed",
    });
  });
});

Deno.test("advance() while another loop runs rejects, and leaves its own loop as it was", async () => {
  const loop = new EventLoop({ clock: "virtual", autojump: false });
  const calls: number[] = [];
  loop.callLater(1, () => calls.push(loop.time()));
  const other = new EventLoop({ clock: "virtual" });
  await other.runUntilComplete(async () => {
    await assert.rejects(loop.advance(1), {
      message: "Cannot run the event loop while another loop is running",
    });
  });
  other.close();
  assert.deepEqual(calls, []);
  await loop.advance(1);
  assert.deepEqual(calls, [1]);
  loop.close();
});
