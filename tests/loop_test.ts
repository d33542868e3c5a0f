import assert from "node:assert/strict";
import {
  EventLoop,
  type ExceptionContext,
  Future,
  getEventLoop,
  getRunningLoop,
  Handle,
  kw,
  newEventLoop,
  partial,
  setEventLoop,
  TimerHandle,
} from "../mod.ts";
import { QUEUE_SIZES } from "../loop.ts";

/** Runs exactly one iteration of `loop`, as asyncio's `stop(); run_forever()`. */
async function runOnce(loop: EventLoop): Promise<void> {
  loop.stop();
  await loop.runForever();
}

/** Asserts that `error` is exactly an `Error` (not a subclass) with `message`. */
function isPlainError(message: string): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof Error);
    assert.equal(error.constructor, Error);
    assert.equal(error.message, message);
    return true;
  };
}

/** Replaces `console[method]` for the length of `fn`, recording its calls. */
async function capture<R>(
  method: "error" | "log",
  fn: (calls: unknown[][]) => R | Promise<R>,
): Promise<R> {
  const original = console[method];
  const calls: unknown[][] = [];
  console[method] = (...args: unknown[]) => void calls.push(args);
  try {
    return await fn(calls);
  } finally {
    console[method] = original;
  }
}

// ---------------------------------------------------------------------------
// Construction, clocks, module functions

Deno.test("EventLoop() starts a loop that is neither running nor closed", () => {
  const loop = new EventLoop();
  assert.equal(loop.isRunning(), false);
  assert.equal(loop.isClosed(), false);
  assert.equal(String(loop), "<EventLoop running=false closed=false>");
  loop.close();
  assert.equal(String(loop), "<EventLoop running=false closed=true>");
});

Deno.test("EventLoop() throws TypeError naming `options.clock` and the value for an unknown clock", async (t) => {
  const cases: Array<[unknown, string]> = [
    ["fake", '"fake"'],
    ["Virtual", '"Virtual"'],
    [5, "5"],
    [true, "true"],
  ];
  for (const [clock, shown] of cases) {
    await t.step(shown, () => {
      assert.throws(
        // @ts-expect-error: not a clock
        () => new EventLoop({ clock }),
        (error: unknown) => {
          assert.ok(error instanceof TypeError);
          assert.match(error.message, /`options\.clock`/);
          assert.ok(error.message.endsWith(`got ${shown}`), error.message);
          return true;
        },
      );
    });
  }
});

Deno.test("newEventLoop() returns a new loop on each call and passes its options on", async () => {
  const a = newEventLoop();
  const b = newEventLoop({ clock: "virtual" });
  assert.ok(a instanceof EventLoop);
  assert.notEqual(a, b);
  assert.equal(b.time(), 0);
  b.callLater(10, () => b.stop());
  await b.runForever();
  assert.equal(b.time(), 10);
  a.close();
  b.close();
});

Deno.test("EventLoop.time() on the real clock is in seconds and never goes back", () => {
  const loop = new EventLoop();
  const first = loop.time();
  const second = loop.time();
  assert.ok(second >= first);
  assert.ok(Math.abs(first - performance.now() / 1000) < 60);
  loop.close();
});

Deno.test("EventLoop.time() on a virtual clock starts at 0 and jumps to each next timer", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: Array<[string, number]> = [];
  assert.equal(loop.time(), 0);
  loop.callLater(2.5, () => seen.push(["b", loop.time()]));
  loop.callLater(1, () => seen.push(["a", loop.time()]));
  loop.callSoon(() => seen.push(["soon", loop.time()]));
  loop.callAt(7, () => loop.stop());
  await loop.runForever();
  assert.deepEqual(seen, [["soon", 0], ["a", 1], ["b", 2.5]]);
  assert.equal(loop.time(), 7);
  loop.close();
});

Deno.test("EventLoop.callLater() of 3600 seconds completes at once on a virtual clock", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<string>();
  loop.callLater(3600, () => future.setResult("an hour later"));
  assert.equal(await loop.runUntilComplete(future), "an hour later");
  assert.equal(loop.time(), 3600);
  loop.close();
});

Deno.test("getEventLoop() returns the same current loop on each call", () => {
  assert.ok(getEventLoop() instanceof EventLoop);
  assert.equal(getEventLoop(), getEventLoop());
});

Deno.test("getEventLoop() returns the running loop inside a callback", async () => {
  const current = getEventLoop();
  const loop = new EventLoop({ clock: "virtual" });
  let seen: EventLoop | undefined;
  loop.callSoon(() => seen = getEventLoop());
  await runOnce(loop);
  assert.equal(seen, loop);
  assert.equal(getEventLoop(), current);
  loop.close();
});

Deno.test("setEventLoop() sets the loop that getEventLoop() and new Future() use", () => {
  const previous = getEventLoop();
  const loop = new EventLoop();
  try {
    setEventLoop(loop);
    assert.equal(getEventLoop(), loop);
    assert.equal(new Future<number>().getLoop(), loop);
  } finally {
    setEventLoop(previous);
    loop.close();
  }
  assert.equal(getEventLoop(), previous);
});

Deno.test("getEventLoop() throws after setEventLoop(null)", () => {
  const previous = getEventLoop();
  try {
    setEventLoop(null);
    assert.throws(
      () => getEventLoop(),
      isPlainError("There is no current event loop"),
    );
    assert.throws(
      () => new Future<number>(),
      isPlainError("There is no current event loop"),
    );
  } finally {
    setEventLoop(previous);
  }
  assert.equal(getEventLoop(), previous);
});

Deno.test("getEventLoop() still returns the running loop after setEventLoop(null)", async () => {
  const previous = getEventLoop();
  const loop = new EventLoop({ clock: "virtual" });
  let seen: EventLoop | undefined;
  try {
    setEventLoop(null);
    loop.callSoon(() => seen = getEventLoop());
    await runOnce(loop);
  } finally {
    setEventLoop(previous);
    loop.close();
  }
  assert.equal(seen, loop);
});

Deno.test("setEventLoop() throws TypeError naming `loop` and the value for a non-loop", () => {
  const previous = getEventLoop();
  assert.throws(
    // @ts-expect-error: not a loop
    () => setEventLoop(5),
    (error: unknown) => {
      assert.ok(error instanceof TypeError);
      assert.match(error.message, /`loop`/);
      assert.match(error.message, /got 5$/);
      return true;
    },
  );
  assert.equal(getEventLoop(), previous);
});

Deno.test("getRunningLoop() throws with no loop running", () => {
  assert.throws(() => getRunningLoop(), isPlainError("no running event loop"));
});

Deno.test("getRunningLoop() returns the loop in callbacks and in code it resumes", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: EventLoop[] = [];
  const future = loop.createFuture<void>();
  loop.callSoon(() => seen.push(getRunningLoop()));
  const task = loop.createTask(async () => {
    seen.push(getRunningLoop());
    await future;
    seen.push(getRunningLoop());
  });
  loop.callLater(1, () => future.setResult());
  await loop.runUntilComplete(task);
  assert.deepEqual(seen, [loop, loop, loop]);
  assert.throws(() => getRunningLoop(), isPlainError("no running event loop"));
  loop.close();
});

Deno.test("EventLoop.isRunning() is true only while the loop runs", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: boolean[] = [];
  loop.callSoon(() => seen.push(loop.isRunning()));
  const run = loop.runUntilComplete(async () => {
    seen.push(loop.isRunning());
    await undefined;
  });
  assert.equal(loop.isRunning(), true);
  await run;
  assert.equal(loop.isRunning(), false);
  assert.deepEqual(seen, [true, true]);
  loop.close();
});

// ---------------------------------------------------------------------------
// Ordering

Deno.test("EventLoop.callSoon() runs callbacks in the order they were scheduled, with their arguments", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: unknown[] = [];
  for (let i = 0; i < 5; i++) loop.callSoon((n: number) => seen.push(n), i);
  loop.callSoon(
    (a: string, b: number, c: boolean) => seen.push([a, b, c]),
    "x",
    1,
    true,
  );
  loop.callSoon((...rest: number[]) => seen.push(rest), 1, 2, 3, 4);
  await runOnce(loop);
  assert.deepEqual(seen, [0, 1, 2, 3, 4, ["x", 1, true], [1, 2, 3, 4]]);
  loop.close();
});

Deno.test("EventLoop.callSoon() returns a Handle that is not a TimerHandle", () => {
  const loop = new EventLoop();
  const handle = loop.callSoon(() => {});
  assert.ok(handle instanceof Handle);
  assert.ok(!(handle instanceof TimerHandle));
  assert.equal(handle.getLoop(), loop);
  loop.close();
});

Deno.test("EventLoop.callSoon() from a callback runs in the next iteration, after the rest of this one", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: string[] = [];
  loop.callSoon(() => {
    seen.push("a");
    loop.callSoon(() => seen.push("c (next iteration)"));
  });
  loop.callSoon(() => seen.push("b"));
  await runOnce(loop);
  assert.deepEqual(seen, ["a", "b"]);
  await runOnce(loop);
  assert.deepEqual(seen, ["a", "b", "c (next iteration)"]);
  loop.close();
});

Deno.test("EventLoop.stop() lets the current iteration finish", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: string[] = [];
  loop.callSoon(() => {
    seen.push("stop");
    loop.stop();
    loop.callSoon(() => seen.push("next run"));
  });
  loop.callSoon(() => seen.push("same iteration"));
  await loop.runForever();
  assert.deepEqual(seen, ["stop", "same iteration"]);
  loop.callSoon(() => loop.stop());
  await loop.runForever();
  assert.deepEqual(seen, ["stop", "same iteration", "next run"]);
  loop.close();
});

Deno.test("EventLoop.stop() before runForever() makes it run exactly one iteration", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: string[] = [];
  loop.callSoon(() => {
    seen.push("first");
    loop.callSoon(() => seen.push("second"));
  });
  loop.stop();
  await loop.runForever();
  assert.deepEqual(seen, ["first"]);
  loop.stop();
  await loop.runForever();
  assert.deepEqual(seen, ["first", "second"]);
  loop.close();
});

Deno.test("EventLoop.stop() before runForever() does not wait for a timer when nothing is ready", async () => {
  const loop = new EventLoop();
  let ran = false;
  loop.callLater(3600, () => ran = true);
  loop.stop();
  await loop.runForever();
  assert.equal(ran, false);
  loop.close();
});

Deno.test("EventLoop.stop() twice still ends the run after one iteration", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: number[] = [];
  loop.callSoon(() => loop.callSoon(() => seen.push(2)));
  loop.stop();
  loop.stop();
  await loop.runForever();
  assert.deepEqual(seen, []);
  await runOnce(loop);
  assert.deepEqual(seen, [2]);
  loop.close();
});

Deno.test("EventLoop.runUntilComplete() stops through a done callback, so the rest of that iteration runs", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<string>();
  const seen: string[] = [];
  loop.callSoon(() => {
    future.setResult("done"); // schedules runUntilComplete's done callback
    loop.callSoon(() => {
      seen.push("same iteration as the stop");
      loop.callSoon(() => seen.push("after the stop"));
    });
  });
  assert.equal(await loop.runUntilComplete(future), "done");
  assert.deepEqual(seen, ["same iteration as the stop"]);
  await runOnce(loop);
  assert.deepEqual(seen, ["same iteration as the stop", "after the stop"]);
  loop.close();
});

Deno.test("EventLoop.runUntilComplete() of an already-done future runs one iteration", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<number>();
  future.setResult(42);
  const seen: string[] = [];
  loop.callSoon(() => {
    seen.push("first iteration");
    loop.callSoon(() => seen.push("second iteration"));
  });
  assert.equal(await loop.runUntilComplete(future), 42);
  assert.deepEqual(seen, ["first iteration"]);
  loop.close();
});

Deno.test("EventLoop.runUntilComplete() rejects with the future's exception", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<number>();
  const boom = new RangeError("boom");
  loop.callLater(1, () => future.setException(boom));
  await assert.rejects(
    loop.runUntilComplete(future),
    (error) => error === boom,
  );
  assert.equal(loop.isRunning(), false);
  loop.close();
});

Deno.test("EventLoop.runUntilComplete() wraps a promise in a task of the loop", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<number>();
  loop.callLater(2, () => future.setResult(20));
  const promise = (async () => 1 + await future)();
  assert.equal(await loop.runUntilComplete(promise), 21);
  assert.equal(loop.time(), 2);
  loop.close();
});

Deno.test("EventLoop.runUntilComplete() calls an async function one iteration later", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: string[] = [];
  loop.callSoon(() => seen.push("queued first"));
  // deno-lint-ignore require-await
  const result = await loop.runUntilComplete(async () => {
    seen.push("started");
    return "value";
  });
  assert.equal(result, "value");
  assert.deepEqual(seen, ["queued first", "started"]);
  loop.close();
});

Deno.test("EventLoop.runUntilComplete() can run the loop again after a run ends", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const first = loop.createFuture<number>();
  const second = loop.createFuture<number>();
  loop.callLater(1, () => first.setResult(1));
  loop.callLater(2, () => second.setResult(2));
  assert.equal(await loop.runUntilComplete(first), 1);
  assert.equal(await loop.runUntilComplete(second), 2);
  assert.equal(loop.time(), 2);
  loop.close();
});

Deno.test("EventLoop.callLater(0) runs behind the callbacks already queued", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: string[] = [];
  loop.callLater(0, () => seen.push("later(0)"));
  loop.callLater(-1, () => seen.push("later(-1)"));
  loop.callSoon(() => seen.push("soon 1"));
  loop.callSoon(() => seen.push("soon 2"));
  await runOnce(loop);
  assert.deepEqual(seen, ["soon 1", "soon 2", "later(-1)", "later(0)"]);
  loop.close();
});

Deno.test("EventLoop.callLater() returns a TimerHandle due at time() + delay", () => {
  const loop = new EventLoop({ clock: "virtual" });
  const timer = loop.callLater(1.5, () => {});
  assert.ok(timer instanceof TimerHandle);
  assert.equal(timer.when(), 1.5);
  assert.equal(loop.callAt(4, () => {}).when(), 4);
  loop.close();
});

Deno.test("EventLoop.callAt() runs timers by time, then in scheduling order", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: string[] = [];
  loop.callAt(2, () => seen.push("2a"));
  loop.callAt(1, () => seen.push("1a"));
  loop.callAt(1, () => seen.push("1b"));
  loop.callAt(0.5, () => seen.push("0.5"));
  loop.callAt(2, () => seen.push("2b"));
  loop.callAt(1, () => seen.push("1c"));
  loop.callLater(1, () => seen.push("1d (callLater)"));
  loop.callAt(3, () => loop.stop());
  await loop.runForever();
  assert.deepEqual(seen, [
    "0.5",
    "1a",
    "1b",
    "1c",
    "1d (callLater)",
    "2a",
    "2b",
  ]);
  loop.close();
});

Deno.test("EventLoop.callAt() runs timers due at the same time in scheduling order", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: number[] = [];
  for (let i = 0; i < 1000; i++) loop.callAt(5, () => seen.push(i));
  loop.callAt(6, () => loop.stop());
  await loop.runForever();
  assert.deepEqual(seen, Array.from({ length: 1000 }, (_, i) => i));
  loop.close();
});

Deno.test("EventLoop.callAt() with a time in the past runs on the next iteration", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: string[] = [];
  loop.callLater(10, () => {
    loop.callAt(3, () => seen.push("past"));
    loop.callSoon(() => seen.push("soon"));
  });
  loop.callLater(11, () => loop.stop());
  await loop.runForever();
  assert.deepEqual(seen, ["soon", "past"]);
  loop.close();
});

Deno.test("EventLoop.callLater() from a timer callback counts from the loop's current time", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: number[] = [];
  loop.callLater(5, () => {
    loop.callLater(2, () => {
      seen.push(loop.time());
      loop.stop();
    });
  });
  await loop.runForever();
  assert.deepEqual(seen, [7]);
  loop.close();
});

Deno.test("Handle.cancel() keeps a queued callback from running", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: string[] = [];
  const handle = loop.callSoon(() => seen.push("cancelled"));
  loop.callSoon(() => seen.push("kept"));
  handle.cancel();
  await runOnce(loop);
  assert.deepEqual(seen, ["kept"]);
  loop.close();
});

Deno.test("Handle.cancel() from an earlier callback of the same iteration keeps the callback from running", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: string[] = [];
  const handles: Handle[] = [];
  loop.callSoon(() => {
    for (const handle of handles) handle.cancel();
  });
  handles.push(loop.callSoon(() => seen.push("victim")));
  handles.push(loop.callLater(0, () => seen.push("timer")));
  loop.callSoon(() => seen.push("kept"));
  await runOnce(loop);
  assert.deepEqual(seen, ["kept"]);
  loop.close();
});

Deno.test("TimerHandle.cancel() keeps a timer from running", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: string[] = [];
  const timers = [1, 2, 3].map((when) =>
    loop.callAt(when, () => seen.push(`t${when}`))
  );
  timers[0]!.cancel();
  timers[2]!.cancel();
  loop.callAt(4, () => loop.stop());
  await loop.runForever();
  assert.deepEqual(seen, ["t2"]);
  assert.equal(loop.time(), 4);
  loop.close();
});

Deno.test("EventLoop.runForever() does not jump to a cancelled timer on a virtual clock", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  loop.callLater(1, () => {}).cancel();
  loop.callLater(5, () => loop.stop());
  loop.callLater(2, () => {}).cancel();
  const seen: number[] = [];
  loop.callLater(3, () => seen.push(loop.time()));
  await loop.runForever();
  assert.deepEqual(seen, [3]);
  assert.equal(loop.time(), 5);
  loop.close();
});

Deno.test("Future await: code awaiting a pending future resumes before the next ready callback", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<string>();
  const seen: string[] = [];
  const task = loop.createTask(async () => {
    seen.push("waiting");
    const value = await future;
    seen.push(`resumed with ${value}`);
    await Promise.resolve();
    seen.push("still before the next callback");
  });
  loop.callSoon(() => {
    future.setResult("x"); // schedules the wakeup
    loop.callSoon(() => seen.push("next callback"));
  });
  await loop.runUntilComplete(task);
  await runOnce(loop);
  assert.deepEqual(seen, [
    "waiting",
    "resumed with x",
    "still before the next callback",
    "next callback",
  ]);
  loop.close();
});

Deno.test("Future await: resumed code runs to its next await of a pending future, then the loop goes on", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const first = loop.createFuture<void>();
  const second = loop.createFuture<void>();
  const seen: string[] = [];
  const task = loop.createTask(async () => {
    await first;
    seen.push("after first");
    await second;
    seen.push("after second");
  });
  loop.callLater(1, () => {
    first.setResult();
    loop.callSoon(() => {
      seen.push("callback between");
      second.setResult();
      loop.callSoon(() => seen.push("callback after"));
    });
  });
  await loop.runUntilComplete(task);
  await runOnce(loop);
  assert.deepEqual(seen, [
    "after first",
    "callback between",
    "after second",
    "callback after",
  ]);
  loop.close();
});

for (const depth of [20, 200]) {
  Deno.test({
    name:
      `Future await: code resumed through ${depth} nested async calls runs before the next ready callback`,
    fn: async () => {
      const loop = new EventLoop({ clock: "virtual" });
      const future = loop.createFuture<number>();
      const seen: string[] = [];
      async function nest(depth: number): Promise<number> {
        if (depth === 0) return await future;
        return 1 + await nest(depth - 1);
      }
      const task = loop.createTask(async () => {
        seen.push(`resumed ${await nest(depth)}`);
      });
      loop.callSoon(() => {
        future.setResult(0);
        loop.callSoon(() => seen.push("next callback"));
      });
      await loop.runUntilComplete(task);
      await runOnce(loop);
      assert.deepEqual(seen, [`resumed ${depth}`, "next callback"]);
      loop.close();
    },
  });
}

Deno.test("Future await: code resumed through 10 nested async calls runs before the next ready callback", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<number>();
  const seen: string[] = [];
  async function nest(depth: number): Promise<number> {
    if (depth === 0) return await future;
    return 1 + await nest(depth - 1);
  }
  const task = loop.createTask(async () => {
    seen.push(`resumed ${await nest(10)}`);
  });
  loop.callSoon(() => {
    future.setResult(0);
    loop.callSoon(() => seen.push("next callback"));
  });
  await loop.runUntilComplete(task);
  await runOnce(loop);
  assert.deepEqual(seen, ["resumed 10", "next callback"]);
  loop.close();
});

Deno.test("Future await: two tasks woken in one iteration each run to their next await in turn", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const a = loop.createFuture<void>();
  const b = loop.createFuture<void>();
  const c = loop.createFuture<void>();
  const seen: string[] = [];
  const first = loop.createTask(async () => {
    await a;
    seen.push("first resumed");
    await c;
    seen.push("first ends");
  });
  loop.createTask(async () => {
    await b;
    seen.push("second resumed");
    c.setResult();
    seen.push("second set c");
  });
  loop.callSoon(() => {
    a.setResult();
    b.setResult();
    loop.callSoon(() => seen.push("callback"));
  });
  await loop.runUntilComplete(first);
  // Python prints the same order (t1 resumed | t2 resumed | t2 set c | cb | t1 end).
  assert.deepEqual(seen, [
    "first resumed",
    "second resumed",
    "second set c",
    "callback",
    "first ends",
  ]);
  loop.close();
});

Deno.test("Future await: awaiting a done future does not wait for an iteration", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const done = loop.createFuture<number>();
  done.setResult(1);
  const seen: string[] = [];
  const task = loop.createTask(async () => {
    seen.push("before");
    for (let i = 0; i < 3; i++) seen.push(`got ${await done}`);
  });
  // Queued behind the task's first step, in the same iteration.
  loop.callSoon(() => seen.push("next callback"));
  await loop.runUntilComplete(task);
  assert.deepEqual(seen, [
    "before",
    "got 1",
    "got 1",
    "got 1",
    "next callback",
  ]);
  loop.close();
});

Deno.test("Future await: two tasks awaiting one future resume in registration order", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<void>();
  const seen: string[] = [];
  const a = loop.createTask(async () => {
    await future;
    seen.push("a");
  });
  const b = loop.createTask(async () => {
    await future;
    seen.push("b");
  });
  loop.callLater(1, () => future.setResult());
  await loop.runUntilComplete(b);
  assert.ok(a.done());
  assert.deepEqual(seen, ["a", "b"]);
  loop.close();
});

// ---------------------------------------------------------------------------
// Exceptions

Deno.test("EventLoop: a callback that throws goes to the exception handler and the loop keeps going", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const boom = new Error("boom");
  const contexts: Array<[EventLoop, ExceptionContext]> = [];
  loop.setExceptionHandler((l, context) => contexts.push([l, context]));
  const seen: string[] = [];
  function explode(n: number): void {
    seen.push(`explode ${n}`);
    throw boom;
  }
  const handle = loop.callSoon(explode, 1);
  loop.callSoon(() => seen.push("after"));
  loop.callLater(1, () => {
    throw "a string";
  });
  loop.callLater(2, () => loop.stop());
  await loop.runForever();
  assert.deepEqual(seen, ["explode 1", "after"]);
  assert.equal(contexts.length, 2);
  const [[first, context], [, second]] = contexts as [
    [EventLoop, ExceptionContext],
    [EventLoop, ExceptionContext],
  ];
  assert.equal(first, loop);
  assert.ok(context.message.startsWith("Exception in callback"));
  assert.equal(context.message, "Exception in callback explode(1)");
  assert.equal(context.exception, boom);
  assert.equal(context.handle, handle);
  assert.ok(second.message.startsWith("Exception in callback"));
  assert.equal(second.exception, "a string");
  assert.ok(second.handle instanceof TimerHandle);
  loop.close();
});

Deno.test("EventLoop: a throwing custom exception handler is survived and logged with console.error", async () => {
  await capture("error", async (errors) => {
    const loop = new EventLoop({ clock: "virtual" });
    const handlerError = new Error("handler broke");
    loop.setExceptionHandler(() => {
      throw handlerError;
    });
    const seen: string[] = [];
    loop.callSoon(() => {
      throw new Error("callback broke");
    });
    loop.callSoon(() => seen.push("after"));
    await runOnce(loop);
    assert.deepEqual(seen, ["after"]);
    assert.equal(errors.length, 1);
    const text = errors[0]!.map(String).join(" ");
    assert.match(text, /^Unhandled error in exception handler/);
    assert.match(text, /handler broke/);
    loop.close();
  });
});

Deno.test("EventLoop.defaultExceptionHandler() writes to console.error, never console.log", async () => {
  await capture("log", async (logs) => {
    await capture("error", async (errors) => {
      const loop = new EventLoop({ clock: "virtual" });
      function failing(): void {
        throw new TypeError("bad thing");
      }
      loop.callSoon(failing);
      loop.callSoon(() => loop.stop());
      await loop.runForever();
      assert.equal(errors.length, 1);
      const text = errors[0]!.map(String).join(" ");
      assert.match(text, /^Exception in callback failing\(\)/);
      assert.match(text, /bad thing/);
      assert.match(text, /handle: <Handle failing\(\)>/);

      loop.defaultExceptionHandler({ message: "direct call", detail: 1 });
      assert.equal(errors.length, 2);
      assert.match(
        errors[1]!.map(String).join(" "),
        /^direct call\ndetail: 1$/,
      );
      loop.close();
    });
    assert.deepEqual(logs, []);
  });
});

Deno.test("EventLoop.callExceptionHandler() calls the handler with the loop and the context", async () => {
  await capture("error", (errors) => {
    const loop = new EventLoop();
    const calls: unknown[][] = [];
    const handler = (...args: unknown[]) => void calls.push(args);
    assert.equal(loop.getExceptionHandler(), null);
    loop.setExceptionHandler(handler);
    assert.equal(loop.getExceptionHandler(), handler);
    const context = { message: "something", exception: 1 };
    loop.callExceptionHandler(context);
    assert.deepEqual(calls, [[loop, context]]);
    assert.equal(calls[0]![1], context);

    loop.setExceptionHandler(null);
    assert.equal(loop.getExceptionHandler(), null);
    loop.callExceptionHandler({ message: "to the default" });
    assert.equal(calls.length, 1);
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]![0]), /^to the default/);
    loop.close();
  });
});

Deno.test("EventLoop.setExceptionHandler() throws TypeError naming `handler` and the value", async (t) => {
  const cases: Array<[unknown, string]> = [
    [5, "5"],
    ["handler", '"handler"'],
    [{}, "{}"],
    [undefined, "undefined"],
  ];
  for (const [value, shown] of cases) {
    await t.step(shown, () => {
      const loop = new EventLoop();
      const handler = () => {};
      loop.setExceptionHandler(handler);
      assert.throws(
        // @ts-expect-error: not a handler
        () => loop.setExceptionHandler(value),
        (error: unknown) => {
          assert.ok(error instanceof TypeError);
          assert.match(error.message, /`handler`/);
          assert.ok(error.message.endsWith(`got ${shown}`), error.message);
          return true;
        },
      );
      assert.equal(loop.getExceptionHandler(), handler);
      loop.close();
    });
  }
});

// ---------------------------------------------------------------------------
// Bad arguments

interface BadCall {
  name: string;
  call(loop: EventLoop): unknown;
  error: TypeErrorConstructor | RangeErrorConstructor;
  argument: string;
  shown: string;
}

const noop = (): void => {};

const BAD_CALLS: BadCall[] = [
  {
    name: "callSoon(42)",
    // @ts-expect-error: not a function
    call: (loop) => loop.callSoon(42),
    error: TypeError,
    argument: "callback",
    shown: "42",
  },
  {
    name: 'callSoon("f")',
    // @ts-expect-error: not a function
    call: (loop) => loop.callSoon("f"),
    error: TypeError,
    argument: "callback",
    shown: '"f"',
  },
  {
    name: "callSoon(undefined)",
    // @ts-expect-error: not a function
    call: (loop) => loop.callSoon(undefined),
    error: TypeError,
    argument: "callback",
    shown: "undefined",
  },
  {
    name: "callLater(NaN, f)",
    call: (loop) => loop.callLater(NaN, noop),
    error: RangeError,
    argument: "delay",
    shown: "NaN",
  },
  {
    name: 'callLater("1", f)',
    // @ts-expect-error: not a number
    call: (loop) => loop.callLater("1", noop),
    error: TypeError,
    argument: "delay",
    shown: '"1"',
  },
  {
    name: "callLater(1n, f)",
    // @ts-expect-error: not a number
    call: (loop) => loop.callLater(1n, noop),
    error: TypeError,
    argument: "delay",
    shown: "1n",
  },
  {
    name: "callLater(1, null)",
    // @ts-expect-error: not a function
    call: (loop) => loop.callLater(1, null),
    error: TypeError,
    argument: "callback",
    shown: "null",
  },
  {
    name: "callAt(undefined, f)",
    // @ts-expect-error: not a number
    call: (loop) => loop.callAt(undefined, noop),
    error: TypeError,
    argument: "when",
    shown: "undefined",
  },
  {
    name: "callAt(NaN, f)",
    call: (loop) => loop.callAt(NaN, noop),
    error: RangeError,
    argument: "when",
    shown: "NaN",
  },
  {
    name: "callAt(1, {})",
    // @ts-expect-error: not a function
    call: (loop) => loop.callAt(1, {}),
    error: TypeError,
    argument: "callback",
    shown: "{}",
  },
  {
    name: "setExceptionHandler(5)",
    // @ts-expect-error: not a handler
    call: (loop) => loop.setExceptionHandler(5),
    error: TypeError,
    argument: "handler",
    shown: "5",
  },
  {
    name: "createTask(5)",
    // @ts-expect-error: not a coroutine
    call: (loop) => loop.createTask(5),
    error: TypeError,
    argument: "coro",
    shown: "5",
  },
  {
    name: "new Future({ loop: 3 })",
    // @ts-expect-error: not a loop
    call: () => new Future({ loop: 3 }),
    error: TypeError,
    argument: "options.loop",
    shown: "3",
  },
  {
    name: "addDoneCallback(1)",
    // @ts-expect-error: not a function
    call: (loop) => loop.createFuture().addDoneCallback(1),
    error: TypeError,
    argument: "fn",
    shown: "1",
  },
  {
    name: 'new EventLoop({ clock: "fake" })',
    // @ts-expect-error: not a clock
    call: () => new EventLoop({ clock: "fake" }),
    error: TypeError,
    argument: "options.clock",
    shown: '"fake"',
  },
  {
    name: "setEventLoop(5)",
    // @ts-expect-error: not a loop
    call: () => setEventLoop(5),
    error: TypeError,
    argument: "loop",
    shown: "5",
  },
  {
    name: "partial(5)",
    // @ts-expect-error: not a function
    call: () => partial(5),
    error: TypeError,
    argument: "func",
    shown: "5",
  },
  {
    name: "kw(null)",
    // @ts-expect-error: not an object
    call: () => kw(null),
    error: TypeError,
    argument: "values",
    shown: "null",
  },
];

Deno.test("EventLoop: a bad argument throws TypeError or RangeError naming it and its value, and queued work still runs", async (t) => {
  for (const { name, call, error: expected, argument, shown } of BAD_CALLS) {
    await t.step(name, async () => {
      const loop = new EventLoop({ clock: "virtual" });
      const seen: string[] = [];
      loop.callSoon(() => seen.push("a"));
      loop.callLater(1, () => seen.push("timer"));
      loop.callSoon(() => seen.push("b"));
      assert.throws(
        () => call(loop),
        (error: unknown) => {
          assert.ok(error instanceof expected, String(error));
          assert.equal(error.constructor, expected);
          assert.ok(error.message.includes(`\`${argument}\``), error.message);
          assert.ok(error.message.endsWith(`got ${shown}`), error.message);
          return true;
        },
      );
      loop.callLater(2, () => loop.stop());
      await loop.runForever();
      assert.deepEqual(seen, ["a", "b", "timer"]);
      loop.close();
    });
  }
});

Deno.test("EventLoop: a bad argument inside a callback goes to the exception handler and the iteration goes on", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const contexts: ExceptionContext[] = [];
  loop.setExceptionHandler((_, context) => contexts.push(context));
  const seen: string[] = [];
  loop.callSoon(() => {
    seen.push("a");
    // @ts-expect-error: not a function
    loop.callSoon(42);
  });
  loop.callSoon(() => seen.push("b"));
  await runOnce(loop);
  assert.deepEqual(seen, ["a", "b"]);
  assert.equal(contexts.length, 1);
  assert.ok(contexts[0]!.exception instanceof TypeError);
  loop.close();
});

Deno.test("EventLoop.runUntilComplete() rejects a bad awaitable with TypeError, never a synchronous throw", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  let run: Promise<unknown> | undefined;
  assert.doesNotThrow(() => {
    // @ts-expect-error: not an awaitable
    run = loop.runUntilComplete(42);
  });
  await assert.rejects(run!, TypeError);
  assert.equal(loop.isRunning(), false);
  loop.close();
});

Deno.test("EventLoop.runUntilComplete() rejects a future of another loop", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const other = new EventLoop({ clock: "virtual" });
  await assert.rejects(
    loop.runUntilComplete(other.createFuture()),
    isPlainError(
      "runUntilComplete() got <Future pending>, a future of another EventLoop than this one",
    ),
  );
  loop.close();
  other.close();
});

// ---------------------------------------------------------------------------
// State errors

interface ClosedCall {
  name: string;
  call(loop: EventLoop): unknown;
}

const CLOSED_CALLS: ClosedCall[] = [
  { name: "callSoon()", call: (loop) => loop.callSoon(noop) },
  { name: "callLater()", call: (loop) => loop.callLater(1, noop) },
  { name: "callAt()", call: (loop) => loop.callAt(1, noop) },
  { name: "createTask()", call: (loop) => loop.createTask(async () => {}) },
  {
    name: "Future.addDoneCallback() on a done future",
    call: (loop) => {
      const future = loop.createFuture<number>();
      future.setResult(1);
      return future.addDoneCallback(noop);
    },
  },
];

Deno.test('EventLoop: every scheduling call on a closed loop throws Error("Event loop is closed")', async (t) => {
  for (const { name, call } of CLOSED_CALLS) {
    await t.step(name, () => {
      const loop = new EventLoop();
      loop.close();
      assert.throws(() => call(loop), isPlainError("Event loop is closed"));
    });
  }
  await t.step("a bad callback on a closed loop", () => {
    const loop = new EventLoop();
    loop.close();
    assert.throws(
      // @ts-expect-error: not a function
      () => loop.callSoon(42),
      isPlainError("Event loop is closed"),
    );
  });
});

Deno.test("EventLoop.runForever() and runUntilComplete() on a closed loop reject, never throw synchronously", async (t) => {
  const runs: Array<[string, (loop: EventLoop) => Promise<unknown>]> = [
    ["runForever()", (loop) => loop.runForever()],
    [
      "runUntilComplete(future)",
      (loop) => loop.runUntilComplete(loop.createFuture()),
    ],
    [
      "runUntilComplete(async function)",
      // deno-lint-ignore require-await
      (loop) => loop.runUntilComplete(async () => 1),
    ],
    [
      "runUntilComplete(promise)",
      (loop) => loop.runUntilComplete(Promise.resolve(1)),
    ],
  ];
  for (const [name, run] of runs) {
    await t.step(name, async () => {
      const loop = new EventLoop();
      loop.close();
      let promise: Promise<unknown> | undefined;
      assert.doesNotThrow(() => promise = run(loop));
      await assert.rejects(promise!, isPlainError("Event loop is closed"));
      assert.equal(loop.isRunning(), false);
    });
  }
});

Deno.test("EventLoop.close() drops pending callbacks and timers, and is idempotent", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  let ran = false;
  loop.callSoon(() => ran = true);
  const timer = loop.callLater(1, () => ran = true);
  loop.close();
  assert.equal(loop.isClosed(), true);
  assert.equal(loop[QUEUE_SIZES]().ready, 0);
  assert.equal(loop[QUEUE_SIZES]().scheduled, 0);
  timer.cancel();
  loop.close();
  assert.equal(loop.isClosed(), true);
  await assert.rejects(loop.runForever(), isPlainError("Event loop is closed"));
  assert.equal(ran, false);
});

Deno.test('EventLoop.close() throws Error("Cannot close a running event loop") while running', async () => {
  const loop = new EventLoop({ clock: "virtual" });
  let thrown: unknown;
  loop.callSoon(() => {
    try {
      loop.close();
    } catch (error) {
      thrown = error;
    }
  });
  await runOnce(loop);
  assert.ok(isPlainError("Cannot close a running event loop")(thrown));
  assert.equal(loop.isClosed(), false);
  loop.close();
  assert.equal(loop.isClosed(), true);
});

Deno.test('EventLoop.runForever() inside its own run rejects with "This event loop is already running"', async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const runs: Promise<unknown>[] = [];
  loop.callSoon(() => {
    runs.push(loop.runForever());
    runs.push(loop.runUntilComplete(loop.createFuture()));
  });
  const seen: string[] = [];
  loop.callSoon(() => seen.push("the outer run goes on"));
  await runOnce(loop);
  assert.equal(runs.length, 2);
  for (const run of runs) {
    await assert.rejects(
      run,
      isPlainError("This event loop is already running"),
    );
  }
  assert.deepEqual(seen, ["the outer run goes on"]);
  loop.close();
});

Deno.test("EventLoop.runForever() called twice from outside rejects the second call", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  loop.callLater(1, () => loop.stop());
  const first = loop.runForever();
  await assert.rejects(
    loop.runForever(),
    isPlainError("This event loop is already running"),
  );
  await first;
  assert.equal(loop.time(), 1);
  loop.close();
});

Deno.test('EventLoop.runForever() while another loop runs rejects with "Cannot run the event loop while another loop is running"', async () => {
  const outer = new EventLoop({ clock: "virtual" });
  const inner = new EventLoop({ clock: "virtual" });
  const runs: Promise<unknown>[] = [];
  outer.callSoon(() => {
    runs.push(inner.runForever());
    runs.push(inner.runUntilComplete(inner.createFuture()));
  });
  await runOnce(outer);
  for (const run of runs) {
    await assert.rejects(
      run,
      isPlainError("Cannot run the event loop while another loop is running"),
    );
  }
  assert.equal(inner.isRunning(), false);
  // Once the outer loop has stopped, the inner one runs.
  inner.callSoon(() => inner.stop());
  await inner.runForever();
  outer.close();
  inner.close();
});

Deno.test('EventLoop.runUntilComplete() rejects with "Event loop stopped before Future completed." when stopped early', async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<number>();
  loop.callLater(1, () => loop.stop());
  await assert.rejects(
    loop.runUntilComplete(future),
    isPlainError("Event loop stopped before Future completed."),
  );
  assert.equal(future.done(), false);
  assert.equal(future.removeDoneCallback(noop), 0);
  assert.equal(String(future), "<Future pending>");
  loop.callLater(1, () => future.setResult(7));
  assert.equal(await loop.runUntilComplete(future), 7);
  loop.close();
});

// ---------------------------------------------------------------------------
// Scale and waking

Deno.test("EventLoop: a million callbacks run in FIFO order", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const count = 1_000_000;
  let next = 0;
  let outOfOrder = 0;
  const check = (n: number): void => {
    if (n !== next) outOfOrder++;
    next++;
  };
  for (let i = 0; i < count; i++) loop.callSoon(check, i);
  assert.equal(loop[QUEUE_SIZES]().ready, count);
  await runOnce(loop);
  assert.equal(next, count);
  assert.equal(outOfOrder, 0);
  assert.equal(loop[QUEUE_SIZES]().ready, 0);
  loop.close();
});

Deno.test("EventLoop: scheduling and cancelling 1,000,000 timers leaves the heap compacted", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const count = 1_000_000;
  let ran = 0;
  const callback = (): void => void ran++;
  const timers: TimerHandle[] = new Array(count);
  for (let i = 0; i < count; i++) {
    timers[i] = loop.callLater(1 + i % 1000, callback);
  }
  assert.equal(loop[QUEUE_SIZES]().scheduled, count);
  for (const timer of timers) timer.cancel();
  timers.length = 0;

  const kept = loop.callLater(0.5, callback);
  await runOnce(loop);
  assert.equal(loop[QUEUE_SIZES]().scheduled, 1);
  assert.equal(ran, 0);

  const future = loop.createFuture<void>();
  loop.callLater(2000, () => future.setResult());
  await loop.runUntilComplete(future);
  assert.equal(ran, 1);
  assert.equal(kept.cancelled(), false);
  assert.equal(loop[QUEUE_SIZES]().scheduled, 0);
  assert.equal(loop.time(), 2000);
  loop.close();
});

Deno.test("EventLoop: timers scheduled and cancelled while running never pile up in the heap", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const rounds = 200;
  const perRound = 1000;
  let largest = 0;
  let ran = 0;
  let round = 0;
  const callback = (): void => void ran++;
  function churn(): void {
    largest = Math.max(largest, loop[QUEUE_SIZES]().scheduled);
    for (let i = 0; i < perRound; i++) {
      loop.callLater(10 + i, callback).cancel();
    }
    // One timer that fires, so the loop also moves through time.
    loop.callLater(0.001, callback);
    if (++round < rounds) loop.callSoon(churn);
    else loop.callLater(1, () => loop.stop());
  }
  loop.callSoon(churn);
  await loop.runForever();
  assert.equal(ran, rounds);
  // Never more than one round's worth (plus the live timers) at a time.
  assert.ok(largest <= perRound + 2, `largest heap: ${largest}`);
  assert.equal(loop[QUEUE_SIZES]().scheduled, 0);
  loop.close();
});

Deno.test("EventLoop: a callSoon() from a host timer wakes a loop waiting on a long timer at once", async () => {
  const loop = new EventLoop();
  const seen: string[] = [];
  loop.callLater(3600, () => seen.push("an hour later"));
  setTimeout(() => {
    seen.push("host timer");
    loop.callSoon(() => {
      seen.push("woken");
      loop.stop();
    });
  }, 0);
  await loop.runForever();
  assert.deepEqual(seen, ["host timer", "woken"]);
  loop.close();
});

Deno.test("EventLoop: stop() from a host timer wakes a loop waiting on a long timer at once", async () => {
  const loop = new EventLoop();
  let ran = false;
  loop.callLater(3600, () => ran = true);
  setTimeout(() => loop.stop(), 0);
  await loop.runForever();
  assert.equal(ran, false);
  loop.close();
});

Deno.test("EventLoop: a callAt() from a host timer for an earlier time wakes a loop waiting on a long timer", async () => {
  const loop = new EventLoop();
  const seen: string[] = [];
  loop.callLater(3600, () => seen.push("an hour later"));
  setTimeout(() => {
    loop.callAt(loop.time(), () => {
      seen.push("woken");
      loop.stop();
    });
  }, 0);
  await loop.runForever();
  assert.deepEqual(seen, ["woken"]);
  loop.close();
});

Deno.test("EventLoop: a future resolved from a host timer resumes the runUntilComplete() waiting on it", async () => {
  const loop = new EventLoop();
  const future = loop.createFuture<string>();
  loop.callLater(3600, () => future.setResult("too late"));
  setTimeout(() => future.setResult("from the host"), 0);
  assert.equal(await loop.runUntilComplete(future), "from the host");
  loop.close();
});

Deno.test("EventLoop: a virtual-clock loop with no timers waits for a callSoon() from the host", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: string[] = [];
  setTimeout(() =>
    loop.callSoon(() => {
      seen.push("woken");
      loop.stop();
    }), 0);
  await loop.runForever();
  assert.deepEqual(seen, ["woken"]);
  assert.equal(loop.time(), 0);
  loop.close();
});

Deno.test("EventLoop: a timer cancelled after the heap was compacted leaves it like any other", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const count = 1000;
  const callback = (): void => {};
  const timers: TimerHandle[] = [];
  for (let i = 0; i < count; i++) timers.push(loop.callLater(10 + i, callback));
  // More than half cancelled: the next iteration compacts the heap.
  for (let i = 0; i < 600; i++) timers[i]!.cancel();
  await runOnce(loop);
  assert.equal(loop[QUEUE_SIZES]().scheduled, 400);
  // The earliest remaining timer, cancelled now, leaves at the next
  // iteration (asyncio pops cancelled timers off the head of its heap).
  timers[600]!.cancel();
  await runOnce(loop);
  assert.equal(loop[QUEUE_SIZES]().scheduled, 399);
  loop.close();
});

Deno.test("a closed loop refuses the wakeup of code awaiting its future, also after setDebug(false)", () => {
  const loop = new EventLoop();
  const future = loop.createFuture<number>();
  void future.then(() => {});
  loop.setDebug(true);
  loop.close();
  loop.setDebug(false);
  assert.throws(() => future.setResult(1), /Event loop is closed/);
});
