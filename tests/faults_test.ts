/**
 * Faults: callbacks, done callbacks and exception handlers that throw,
 * stop() and close() from inside callbacks, runs of failed and foreign
 * futures, awaits of futures whose loop is not running, runs after stop and
 * after close. Each test counts how many times every callback ran (no
 * callback lost, none run twice) and ends by checking that the loop is
 * still consistent: not running, not closed, and a follow-up run works.
 */

import assert from "node:assert/strict";
import {
  CancelledError,
  EventLoop,
  type ExceptionContext,
  type Future,
  InvalidStateError,
} from "../mod.ts";

/** Counts the runs of named callbacks. */
class Tally {
  #runs = new Map<string, number>();

  /** A callback that counts its runs under `name`, then runs `body`. */
  fn(name: string, body: () => void = () => {}): () => void {
    this.#runs.set(name, 0);
    return () => {
      this.#runs.set(name, this.#runs.get(name)! + 1);
      body();
    };
  }

  /** The runs of every callback, by name. */
  get runs(): Record<string, number> {
    return Object.fromEntries(this.#runs);
  }
}

/** Records what reaches a loop's exception handler. */
function recordExceptions(loop: EventLoop): ExceptionContext[] {
  const contexts: ExceptionContext[] = [];
  loop.setExceptionHandler((_loop, context) => void contexts.push(context));
  return contexts;
}

/** Replaces console.error while `body` runs; returns what it was given. */
async function withConsoleError(
  body: () => Promise<void>,
  replacement?: (...args: unknown[]) => void,
): Promise<string[]> {
  const logged: string[] = [];
  const original = console.error;
  console.error = replacement ?? ((...args: unknown[]) => {
    logged.push(args.map((arg) => String(arg)).join(" "));
  });
  try {
    await body();
  } finally {
    console.error = original;
  }
  return logged;
}

/** The loop is idle, open, and a follow-up run works. */
async function assertHealthy(loop: EventLoop): Promise<void> {
  assert.equal(loop.isRunning(), false);
  assert.equal(loop.isClosed(), false);
  const tally = new Tally();
  const future = loop.createFuture<string>();
  loop.callSoon(tally.fn("soon"));
  loop.callLater(0.25, tally.fn("later"));
  loop.callLater(0.5, () => future.setResult("ok"));
  assert.equal(await loop.runUntilComplete(future), "ok");
  assert.deepEqual(tally.runs, { soon: 1, later: 1 });
  assert.equal(loop.isRunning(), false);
  assert.equal(loop.isClosed(), false);
}

Deno.test("EventLoop runs every other callback exactly once when callbacks throw", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const contexts = recordExceptions(loop);
  const tally = new Tally();
  const thrown: unknown[] = [
    new Error("boom"),
    new TypeError("typed"),
    "a string",
    undefined,
    null,
    { code: 42 },
  ];
  const handles = thrown.map((value, i) => [
    loop.callSoon(tally.fn(`ok ${i}`)),
    loop.callSoon(tally.fn(`throws ${i}`, () => {
      throw value;
    })),
    loop.callLater(
      i / 4,
      tally.fn(`timer throws ${i}`, () => {
        throw value;
      }),
    ),
  ]);
  loop.callLater(2, () => loop.stop());
  await loop.runForever();

  assert.deepEqual(
    tally.runs,
    Object.fromEntries(
      thrown.flatMap((_, i) => [
        [`ok ${i}`, 1],
        [`throws ${i}`, 1],
        [`timer throws ${i}`, 1],
      ]),
    ),
  );
  assert.equal(contexts.length, 2 * thrown.length);
  for (const context of contexts) {
    assert.match(context.message, /^Exception in callback /);
  }
  // The callSoon throwers ran first, in order, each with its own handle.
  assert.deepEqual(
    contexts.slice(0, thrown.length).map((c) => c.exception),
    thrown,
  );
  assert.deepEqual(
    contexts.slice(0, thrown.length).map((c) => c.handle),
    handles.map(([, handle]) => handle),
  );
  // Then the timers, in time order.
  assert.deepEqual(
    contexts.slice(thrown.length).map((c) => c.handle),
    handles.map(([, , timer]) => timer),
  );
  await assertHealthy(loop);
  loop.close();
});

Deno.test("Future done callbacks that throw do not keep the others from running", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const contexts = recordExceptions(loop);
  const tally = new Tally();
  const future = loop.createFuture<string>();
  future.addDoneCallback(tally.fn("first"));
  future.addDoneCallback(tally.fn("throws", () => {
    throw new Error("done callback failed");
  }));
  future.addDoneCallback(tally.fn("last"));
  loop.callSoon(() => future.setResult("value"));
  assert.equal(await loop.runUntilComplete(future), "value");

  assert.deepEqual(tally.runs, { first: 1, throws: 1, last: 1 });
  assert.equal(contexts.length, 1);
  assert.match(contexts[0]!.message, /^Exception in callback /);
  assert.equal(
    (contexts[0]!.exception as Error).message,
    "done callback failed",
  );
  // A done callback added now is scheduled once, at once.
  future.addDoneCallback(tally.fn("late"));
  await assertHealthy(loop);
  assert.deepEqual(tally.runs, { first: 1, throws: 1, last: 1, late: 1 });
  loop.close();
});

Deno.test("EventLoop survives a throwing exception handler and logs it to console.error", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const tally = new Tally();
  const handlerError = new Error("handler broke");
  let handlerCalls = 0;
  loop.setExceptionHandler(() => {
    handlerCalls++;
    throw handlerError;
  });
  const logged = await withConsoleError(async () => {
    loop.callSoon(tally.fn("before"));
    loop.callSoon(tally.fn("throws", () => {
      throw new Error("callback broke");
    }));
    loop.callSoon(tally.fn("after"));
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    await assertHealthy(loop);
  });
  assert.deepEqual(tally.runs, { before: 1, throws: 1, after: 1 });
  assert.equal(handlerCalls, 1);
  assert.equal(logged.length, 1);
  // asyncio's default handler is called with this message, the handler's
  // exception and the original context.
  assert.match(logged[0]!, /^Unhandled error in exception handler\n/);
  assert.match(logged[0]!, /Exception in callback/);
  assert.match(logged[0]!, /handler broke/);
  loop.close();
});

Deno.test("EventLoop survives a throwing default exception handler and logs it to console.error", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const tally = new Tally();
  loop.defaultExceptionHandler = () => {
    throw new Error("default broke");
  };
  const logged = await withConsoleError(async () => {
    loop.callSoon(tally.fn("throws", () => {
      throw new Error("callback broke");
    }));
    loop.callSoon(tally.fn("after"));
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    // Now with a custom handler that throws too.
    loop.setExceptionHandler(() => {
      throw new Error("handler broke");
    });
    loop.callSoon(tally.fn("throws again", () => {
      throw new Error("callback broke");
    }));
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    loop.setExceptionHandler(null);
  });
  assert.deepEqual(tally.runs, { throws: 1, after: 1, "throws again": 1 });
  assert.equal(logged.length, 2);
  assert.match(logged[0]!, /^Exception in default exception handler /);
  assert.match(logged[0]!, /default broke/);
  assert.match(
    logged[1]!,
    /^Exception in default exception handler while handling an unexpected error in custom exception handler /,
  );
  delete (loop as { defaultExceptionHandler?: unknown })
    .defaultExceptionHandler;
  await withConsoleError(() => assertHealthy(loop));
  loop.close();
});

Deno.test("EventLoop keeps exceptions inside the loop even when console.error throws", async () => {
  // asyncio logs through `logging`, which never raises; a console.error that
  // throws (a broken stub, a closed stream) must not end the run either.
  const loop = new EventLoop({ clock: "virtual" });
  const tally = new Tally();
  await withConsoleError(
    async () => {
      loop.callSoon(tally.fn("throws", () => {
        throw new Error("callback broke");
      }));
      loop.callSoon(tally.fn("after"));
      loop.callSoon(() => loop.stop());
      await loop.runForever();
      loop.setExceptionHandler(() => {
        throw new Error("handler broke");
      });
      loop.callSoon(tally.fn("throws again", () => {
        throw new Error("callback broke");
      }));
      loop.callSoon(tally.fn("after again"));
      loop.callSoon(() => loop.stop());
      await loop.runForever();
      loop.setExceptionHandler(null);
    },
    () => {
      throw new Error("console broke");
    },
  );
  assert.deepEqual(tally.runs, {
    throws: 1,
    after: 1,
    "throws again": 1,
    "after again": 1,
  });
  await assertHealthy(loop);
  loop.close();
});

Deno.test("EventLoop.stop() inside a callback finishes the iteration and keeps later callbacks queued", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const tally = new Tally();
  const next = tally.fn("next iteration");
  loop.callSoon(tally.fn("before"));
  loop.callSoon(tally.fn("stops", () => {
    loop.stop();
    loop.stop(); // twice: still one stop
    loop.callSoon(next);
    loop.callLater(0, tally.fn("timer 0"));
  }));
  loop.callSoon(tally.fn("same iteration"));
  const timer = tally.fn("timer 1");
  loop.callLater(1, timer);
  await loop.runForever();

  assert.deepEqual(tally.runs, {
    "next iteration": 0,
    before: 1,
    stops: 1,
    "same iteration": 1,
    "timer 0": 0,
    "timer 1": 0,
  });
  assert.equal(loop.time(), 0);
  assert.equal(loop.isRunning(), false);
  loop.callLater(2, () => loop.stop());
  await loop.runForever();
  assert.deepEqual(tally.runs, {
    "next iteration": 1,
    before: 1,
    stops: 1,
    "same iteration": 1,
    "timer 0": 1,
    "timer 1": 1,
  });
  await assertHealthy(loop);
  loop.close();
});

Deno.test("EventLoop.stop is bound, so loop.callLater(1, loop.stop) stops the loop as in asyncio", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const contexts = recordExceptions(loop);
  const tally = new Tally();
  loop.callLater(1, loop.stop);
  loop.callLater(2, tally.fn("after the stop"));
  await loop.runForever();
  assert.equal(loop.time(), 1);
  assert.deepEqual(contexts, []);
  assert.deepEqual(tally.runs, { "after the stop": 0 });
  loop.callSoon(loop.stop);
  await loop.runForever();
  await assertHealthy(loop);
  assert.deepEqual(tally.runs, { "after the stop": 0 });
  loop.close();
});

Deno.test("EventLoop.stop() inside an exception handler stops after the iteration", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const tally = new Tally();
  const fromHandler = tally.fn("from handler");
  loop.setExceptionHandler((loop) => {
    loop.stop();
    loop.callSoon(fromHandler);
  });
  loop.callSoon(tally.fn("throws", () => {
    throw new Error("boom");
  }));
  loop.callSoon(tally.fn("same iteration"));
  await loop.runForever();
  assert.deepEqual(tally.runs, {
    "from handler": 0,
    throws: 1,
    "same iteration": 1,
  });
  loop.setExceptionHandler(null);
  await assertHealthy(loop);
  assert.equal(tally.runs["from handler"], 1);
  loop.close();
});

Deno.test("EventLoop.close() inside a callback throws and changes nothing", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const contexts = recordExceptions(loop);
  const tally = new Tally();
  const caught: unknown[] = [];
  loop.callSoon(tally.fn("closes", () => {
    try {
      loop.close();
    } catch (error) {
      caught.push(error);
    }
    assert.equal(loop.isRunning(), true);
    assert.equal(loop.isClosed(), false);
  }));
  loop.callSoon(tally.fn("closes uncaught", () => loop.close()));
  loop.callSoon(tally.fn("after"));
  loop.callLater(1, tally.fn("timer"));
  loop.callLater(2, () => loop.stop());
  await loop.runForever();

  assert.deepEqual(tally.runs, {
    closes: 1,
    "closes uncaught": 1,
    after: 1,
    timer: 1,
  });
  assert.equal(caught.length, 1);
  assert.ok(caught[0] instanceof Error);
  assert.equal(caught[0].message, "Cannot close a running event loop");
  assert.equal(contexts.length, 1);
  assert.equal(
    (contexts[0]!.exception as Error).message,
    "Cannot close a running event loop",
  );
  await assertHealthy(loop);
  loop.close();
  assert.equal(loop.isClosed(), true);
});

Deno.test("EventLoop.close() inside an exception handler is logged as a handler error", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const tally = new Tally();
  loop.setExceptionHandler((loop) => loop.close());
  const logged = await withConsoleError(async () => {
    loop.callSoon(tally.fn("throws", () => {
      throw new Error("boom");
    }));
    loop.callSoon(tally.fn("after"));
    loop.callSoon(() => loop.stop());
    await loop.runForever();
  });
  assert.deepEqual(tally.runs, { throws: 1, after: 1 });
  assert.equal(logged.length, 1);
  assert.match(logged[0]!, /^Unhandled error in exception handler\n/);
  assert.match(logged[0]!, /Cannot close a running event loop/);
  loop.setExceptionHandler(null);
  await assertHealthy(loop);
  loop.close();
});

Deno.test("EventLoop.runUntilComplete() of an already-failed future rejects with its exception after one iteration", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const tally = new Tally();
  const error = new Error("failed before the run");
  const future = loop.createFuture<number>();
  future.setException(error);
  loop.callSoon(tally.fn("queued"));
  loop.callLater(0, tally.fn("due"));
  loop.callLater(0.25, tally.fn("later"));
  await assert.rejects(loop.runUntilComplete(future), (e) => e === error);

  // As in asyncio: the iteration that ran the stopping done callback ran
  // everything that was ready; the later timer waits for the next run.
  assert.deepEqual(tally.runs, { queued: 1, due: 1, later: 0 });
  assert.equal(
    String(future),
    "<Future finished exception=Error('failed before the run')>",
  );
  await assertHealthy(loop);
  assert.deepEqual(tally.runs, { queued: 1, due: 1, later: 1 });
  loop.close();
});

Deno.test("EventLoop.runUntilComplete() of a cancelled future rejects with CancelledError", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<number>();
  future.cancel("not needed");
  await assert.rejects(loop.runUntilComplete(future), (e) => {
    assert.ok(e instanceof CancelledError);
    assert.equal(e.message, "not needed");
    return true;
  });
  // Failing during the run: the same.
  const failing = loop.createFuture<number>();
  const error = new RangeError("failed during the run");
  loop.callLater(1, () => failing.setException(error));
  await assert.rejects(loop.runUntilComplete(failing), (e) => e === error);
  assert.equal(loop.time(), 1);
  await assertHealthy(loop);
  loop.close();
});

Deno.test("EventLoop.runUntilComplete() refuses a future of another loop, saying so", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const other = new EventLoop({ clock: "virtual" });
  const tally = new Tally();
  const foreign = other.createFuture<number>();
  loop.callSoon(tally.fn("queued"));
  const pending = loop.runUntilComplete(foreign);
  assert.ok(pending instanceof Promise); // a rejection, not a throw
  await assert.rejects(pending, {
    name: "Error",
    message:
      "runUntilComplete() got <Future pending>, a future of another EventLoop than this one",
  });
  // Nothing ran, nothing was added to the foreign future.
  assert.deepEqual(tally.runs, { queued: 0 });
  assert.equal(String(foreign), "<Future pending>");
  await assertHealthy(loop);
  assert.deepEqual(tally.runs, { queued: 1 });
  foreign.setResult(1);
  assert.equal(await other.runUntilComplete(foreign), 1);
  await assertHealthy(other);
  loop.close();
  other.close();
});

Deno.test("Awaiting a future whose loop is not running resumes only when the loop runs, in the loop's order", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const order: string[] = [];
  const future = loop.createFuture<number>();
  const awaiting = (async () => {
    order.push(`resumed with ${await future}`);
  })();
  // Let the await reach future.then() before the result is set.
  for (let i = 0; i < 3; i++) await Promise.resolve();
  future.setResult(1);
  loop.callSoon(() => order.push("callback"));
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(order, []);

  loop.callSoon(() => loop.stop());
  await loop.runForever();
  // The wakeup was queued by setResult(), before the callback.
  assert.deepEqual(order, ["resumed with 1", "callback"]);
  await awaiting;

  // An already-done future needs no loop (asyncio does not yield there).
  assert.equal(await future, 1);
  await assertHealthy(loop);
  loop.close();
});

Deno.test("A task awaiting a pending future of another loop gets asyncio's RuntimeError on the next iteration", async () => {
  // Python 3.11 prints: done ['A', 'task start', 'B', 'task got error',
  // 'task end'] <Future pending>
  const loop = new EventLoop({ clock: "virtual" });
  const other = new EventLoop({ clock: "virtual" });
  const foreign = other.createFuture<number>();
  const order: string[] = [];
  let message = "";
  loop.callSoon(() => {
    order.push("A");
    loop.callSoon(() => order.push("B"));
  });
  const tally = new Tally();
  loop.callLater(10, tally.fn("guard", () => loop.stop()));
  const result = await loop.runUntilComplete(async () => {
    order.push("task start");
    try {
      await foreign;
    } catch (error) {
      message = (error as Error).message;
      order.push("task got error");
    }
    order.push("task end");
    return "done";
  });
  assert.equal(result, "done");
  assert.deepEqual(order, [
    "A",
    "task start",
    "B",
    "task got error",
    "task end",
  ]);
  assert.match(
    message,
    /^Task <Task pending name='Task-\d+'.*> got Future <Future pending> attached to a different loop$/,
  );
  assert.equal(String(foreign), "<Future pending>");
  assert.equal(loop.time(), 0);
  await assertHealthy(loop);
  assert.deepEqual(tally.runs, { guard: 0 });
  await assertHealthy(other);
  loop.close();
  other.close();
});

Deno.test("A task whose code throws a non-Error value fails with that value, and the loop goes on", async () => {
  // Python can only raise exceptions; JavaScript can throw anything. The
  // task keeps what was thrown, even undefined (then exception() returns
  // undefined as for a result: done() and result() tell them apart).
  const loop = new EventLoop({ clock: "virtual" });
  const contexts = recordExceptions(loop);
  for (const value of ["a string", 42, null, undefined, { code: 1 }]) {
    const task = loop.createTask(() => {
      throw value;
    });
    await assert.rejects(loop.runUntilComplete(task), (e) => e === value);
    assert.equal(task.done(), true);
    assert.equal(task.cancelled(), false);
    assert.equal(task.exception(), value);
    assert.throws(() => task.result(), (e) => e === value);
  }
  assert.deepEqual(contexts, []);
  await assertHealthy(loop);
  loop.close();
});

Deno.test("A stopped loop runs again and runs what was left queued exactly once", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const tally = new Tally();
  // stop() before runForever(): exactly one iteration.
  loop.stop();
  loop.callSoon(tally.fn("first", () => loop.callSoon(tally.fn("second"))));
  loop.callLater(0.5, tally.fn("timer"));
  await loop.runForever();
  assert.deepEqual(tally.runs, { first: 1, second: 0, timer: 0 });
  assert.equal(loop.time(), 0);

  loop.stop();
  await loop.runForever();
  assert.deepEqual(tally.runs, { first: 1, second: 1, timer: 0 });

  loop.callLater(1, () => loop.stop());
  await loop.runForever();
  assert.deepEqual(tally.runs, { first: 1, second: 1, timer: 1 });
  assert.equal(loop.time(), 1);
  await assertHealthy(loop);
  loop.close();
});

Deno.test("A closed loop refuses to run or schedule, and what was queued never runs", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const tally = new Tally();
  loop.callSoon(tally.fn("queued"));
  const timer = loop.callLater(1, tally.fn("timer"));
  const future = loop.createFuture<number>();
  future.addDoneCallback(tally.fn("done callback"));
  loop.close();
  loop.close(); // idempotent
  assert.equal(loop.isClosed(), true);
  assert.equal(loop.isRunning(), false);

  const closed = { name: "Error", message: "Event loop is closed" };
  await assert.rejects(loop.runForever(), closed);
  await assert.rejects(loop.runUntilComplete(future), closed);
  await assert.rejects(loop.runUntilComplete(() => Promise.resolve(1)), closed);
  assert.throws(() => loop.callSoon(() => {}), closed);
  assert.throws(() => loop.callLater(0, () => {}), closed);
  assert.throws(() => loop.callAt(0, () => {}), closed);
  assert.throws(() => loop.createTask(async () => {}), closed);
  // As in asyncio: settling a future whose loop is closed schedules its
  // done callbacks, which fails; the future is done anyway.
  assert.throws(() => future.setResult(1), closed);
  assert.equal(future.done(), true);
  timer.cancel(); // harmless after close
  assert.equal(loop.isRunning(), false);
  assert.deepEqual(tally.runs, { queued: 0, timer: 0, "done callback": 0 });
});

Deno.test("Running a loop from inside its own callback, or another loop, is refused without disturbing the run", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const other = new EventLoop({ clock: "virtual" });
  const tally = new Tally();
  other.callSoon(tally.fn("other's callback"));
  const refusals: Array<Promise<unknown>> = [];
  loop.callSoon(tally.fn("reenters", () => {
    refusals.push(loop.runForever());
    refusals.push(loop.runUntilComplete(loop.createFuture()));
    refusals.push(other.runForever());
    assert.equal(other.isRunning(), false);
  }));
  loop.callSoon(tally.fn("after"));
  loop.callSoon(() => loop.stop());
  await loop.runForever();

  const results = await Promise.allSettled(refusals);
  assert.deepEqual(
    results.map((r) => r.status === "rejected" && (r.reason as Error).message),
    [
      "This event loop is already running",
      "This event loop is already running",
      "Cannot run the event loop while another loop is running",
    ],
  );
  assert.deepEqual(tally.runs, {
    "other's callback": 0,
    reenters: 1,
    after: 1,
  });
  await assertHealthy(loop);
  await assertHealthy(other);
  assert.equal(tally.runs["other's callback"], 1);
  loop.close();
  other.close();
});

Deno.test("Cancelling handles from inside callbacks: cancelled ones never run, the rest run once", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const tally = new Tally();
  const handles: Array<{ cancel(): void }> = [];
  handles.push(loop.callSoon(tally.fn("cancels", () => {
    handles[0]!.cancel(); // itself, while running: no effect
    handles[2]!.cancel(); // queued in this same iteration
    handles[3]!.cancel(); // a timer
    handles[4]!.cancel(); // a timer due now, already moved to the queue
  })));
  handles.push(loop.callSoon(tally.fn("kept")));
  handles.push(loop.callSoon(tally.fn("cancelled soon")));
  handles.push(loop.callLater(1, tally.fn("cancelled timer")));
  handles.push(loop.callLater(0, tally.fn("cancelled due timer")));
  loop.callLater(2, () => loop.stop());
  await loop.runForever();
  assert.deepEqual(tally.runs, {
    cancels: 1,
    kept: 1,
    "cancelled soon": 0,
    "cancelled timer": 0,
    "cancelled due timer": 0,
  });
  await assertHealthy(loop);
  loop.close();
});

Deno.test("Future.setResult() on a done future inside a callback reaches the handler; done callbacks run once", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const contexts = recordExceptions(loop);
  const tally = new Tally();
  const future: Future<number> = loop.createFuture<number>();
  future.addDoneCallback(tally.fn("done callback"));
  loop.callSoon(() => future.setResult(1));
  loop.callSoon(() => future.setResult(2));
  loop.callSoon(() => future.setException(new Error("late")));
  loop.callSoon(() => assert.equal(future.cancel(), false));
  assert.equal(await loop.runUntilComplete(future), 1);
  assert.deepEqual(tally.runs, { "done callback": 1 });
  assert.deepEqual(
    contexts.map((
      c,
    ) => [
      c.exception instanceof InvalidStateError,
      (c.exception as Error).message,
    ]),
    [[true, "invalid state"], [true, "invalid state"]],
  );
  await assertHealthy(loop);
  loop.close();
});
