import assert from "node:assert/strict";
import {
  CancelledError,
  EventLoop,
  Future,
  gather,
  getEventLoop,
  InvalidStateError,
  isFuture,
  kw,
  partial,
} from "../mod.ts";

/** Runs exactly one iteration of `loop`. */
async function runOnce(loop: EventLoop): Promise<void> {
  loop.stop();
  await loop.runForever();
}

/**
 * Reads a failed future's exception, so that the future is not reported as
 * "exception was never retrieved" when it is collected.
 */
function retrieve(future: Future<unknown>): void {
  if (future.done() && !future.cancelled()) future.exception();
}

function isInvalidState(message: string): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof InvalidStateError);
    assert.equal(error.name, "InvalidStateError");
    assert.equal(error.message, message);
    return true;
  };
}

function isCancelled(message?: string): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof CancelledError);
    assert.equal(error.name, "CancelledError");
    assert.equal(error.message, message ?? "");
    return true;
  };
}

// ---------------------------------------------------------------------------
// Construction and state

Deno.test("Future() is pending and bound to the given loop", () => {
  const loop = new EventLoop();
  const future = new Future<number>({ loop });
  assert.equal(future.done(), false);
  assert.equal(future.cancelled(), false);
  assert.equal(future.getLoop(), loop);
  assert.equal(loop.createFuture().getLoop(), loop);
  loop.close();
});

Deno.test("Future() without a loop binds to getEventLoop()'s loop", () => {
  assert.equal(new Future<number>().getLoop(), getEventLoop());
  assert.equal(new Future<number>({}).getLoop(), getEventLoop());
  assert.equal(
    new Future<number>({ loop: undefined }).getLoop(),
    getEventLoop(),
  );
});

Deno.test("Future() throws TypeError naming `options.loop` and the value for a non-loop", async (t) => {
  const cases: Array<[unknown, string]> = [
    [3, "3"],
    ["loop", '"loop"'],
    [null, "null"],
    [{}, "{}"],
  ];
  for (const [loop, shown] of cases) {
    await t.step(shown, () => {
      assert.throws(
        // @ts-expect-error: not a loop
        () => new Future({ loop }),
        (error: unknown) => {
          assert.ok(error instanceof TypeError);
          assert.match(error.message, /`options\.loop`/);
          assert.ok(error.message.endsWith(`got ${shown}`), error.message);
          return true;
        },
      );
    });
  }
});

Deno.test('Future.result() throws InvalidStateError("Result is not set.") while pending', () => {
  const loop = new EventLoop();
  const future = loop.createFuture<number>();
  assert.throws(() => future.result(), isInvalidState("Result is not set."));
  loop.close();
});

Deno.test('Future.exception() throws InvalidStateError("Exception is not set.") while pending', () => {
  const loop = new EventLoop();
  const future = loop.createFuture<number>();
  assert.throws(
    () => future.exception(),
    isInvalidState("Exception is not set."),
  );
  loop.close();
});

Deno.test("Future.setResult() makes the future done with that result", () => {
  const loop = new EventLoop();
  const future = loop.createFuture<string>();
  future.setResult("the result");
  assert.equal(future.done(), true);
  assert.equal(future.cancelled(), false);
  assert.equal(future.result(), "the result");
  assert.equal(future.exception(), undefined);
  loop.close();
});

Deno.test("Future.setResult() accepts undefined as a result", () => {
  const loop = new EventLoop();
  const future = loop.createFuture<undefined>();
  future.setResult(undefined);
  assert.equal(future.done(), true);
  assert.equal(future.result(), undefined);
  assert.throws(
    () => future.setResult(undefined),
    isInvalidState("invalid state"),
  );
  loop.close();
});

Deno.test("Future.setException() makes result() throw that exception", () => {
  const loop = new EventLoop();
  const future = loop.createFuture<string>();
  const boom = new Error("boom");
  future.setException(boom);
  assert.equal(future.done(), true);
  assert.equal(future.cancelled(), false);
  assert.equal(future.exception(), boom);
  assert.throws(() => future.result(), (error) => error === boom);
  loop.close();
});

Deno.test("Future.setException() keeps a non-Error exception as it is", () => {
  const loop = new EventLoop();
  const future = loop.createFuture<string>();
  future.setException("just a string");
  assert.equal(future.exception(), "just a string");
  assert.throws(() => future.result(), (error) => error === "just a string");
  loop.close();
});

Deno.test('Future.setResult() and setException() on a done future throw InvalidStateError("invalid state")', async (t) => {
  const settlers: Array<[string, (future: Future<number>) => unknown]> = [
    ["with a result", (future) => future.setResult(1)],
    ["with an exception", (future) => future.setException(new Error("x"))],
    ["cancelled", (future) => future.cancel()],
  ];
  const loop = new EventLoop();
  for (const [name, settle] of settlers) {
    await t.step(name, () => {
      const future = loop.createFuture<number>();
      settle(future);
      const before = String(future);
      assert.throws(() => future.setResult(2), isInvalidState("invalid state"));
      assert.throws(
        () => future.setException(new Error("y")),
        isInvalidState("invalid state"),
      );
      assert.equal(String(future), before);
      retrieve(future);
    });
  }
  loop.close();
});

Deno.test("Future.cancel() cancels a pending future once, then returns false", () => {
  const loop = new EventLoop();
  const future = loop.createFuture<number>();
  assert.equal(future.cancel(), true);
  assert.equal(future.done(), true);
  assert.equal(future.cancelled(), true);
  assert.equal(future.cancel(), false);
  assert.throws(() => future.result(), isCancelled());
  assert.throws(() => future.exception(), isCancelled());
  loop.close();
});

Deno.test("Future.cancel(msg) passes the message to the CancelledError", () => {
  const loop = new EventLoop();
  const future = loop.createFuture<number>();
  assert.equal(future.cancel("no longer needed"), true);
  assert.equal(future.cancel("another message"), false);
  assert.throws(() => future.result(), isCancelled("no longer needed"));
  assert.throws(() => future.exception(), isCancelled("no longer needed"));
  loop.close();
});

Deno.test("Future.cancel() on a done future returns false and keeps its result", () => {
  const loop = new EventLoop();
  const finished = loop.createFuture<number>();
  finished.setResult(1);
  assert.equal(finished.cancel(), false);
  assert.equal(finished.cancelled(), false);
  assert.equal(finished.result(), 1);
  const failed = loop.createFuture<number>();
  const boom = new Error("boom");
  failed.setException(boom);
  assert.equal(failed.cancel(), false);
  assert.equal(failed.exception(), boom);
  loop.close();
});

// ---------------------------------------------------------------------------
// Done callbacks

Deno.test("Future.addDoneCallback() runs callbacks in registration order, with the future", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<string>();
  const calls: Array<[string, Future<string>]> = [];
  future.addDoneCallback((f) => calls.push(["first", f]));
  future.addDoneCallback((f) => calls.push(["second", f]));
  future.addDoneCallback((f) => calls.push(["third", f]));
  loop.callSoon(() => future.setResult("done"));
  await loop.runUntilComplete(future);
  assert.deepEqual(calls.map(([name]) => name), ["first", "second", "third"]);
  for (const [, f] of calls) assert.equal(f, future);
  loop.close();
});

Deno.test("Future.setResult() schedules done callbacks with callSoon(), not synchronously", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<string>();
  const seen: string[] = [];
  future.addDoneCallback(() => seen.push("cb1"));
  future.addDoneCallback(() => seen.push("cb2"));
  loop.callSoon(() => {
    future.setResult("x");
    seen.push("after setResult");
  });
  loop.callSoon(() => {
    seen.push("same iteration");
    loop.callSoon(() => seen.push("queued after the callbacks"));
  });
  await runOnce(loop);
  assert.deepEqual(seen, ["after setResult", "same iteration"]);
  await runOnce(loop);
  assert.deepEqual(seen, [
    "after setResult",
    "same iteration",
    "cb1",
    "cb2",
    "queued after the callbacks",
  ]);
  loop.close();
});

Deno.test("Future.cancel() and setException() schedule the done callbacks too", async (t) => {
  const settlers: Array<[string, (future: Future<number>) => unknown]> = [
    ["cancel()", (future) => future.cancel()],
    ["setException()", (future) => future.setException(new Error("x"))],
  ];
  for (const [name, settle] of settlers) {
    await t.step(name, async () => {
      const loop = new EventLoop({ clock: "virtual" });
      const future = loop.createFuture<number>();
      const seen: Future<number>[] = [];
      future.addDoneCallback((f) => seen.push(f));
      settle(future);
      assert.deepEqual(seen, []);
      await runOnce(loop);
      assert.equal(seen.length, 1);
      assert.equal(seen[0], future);
      retrieve(future);
      loop.close();
    });
  }
});

Deno.test("Future.addDoneCallback() on a done future schedules the callback at once", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<string>();
  future.setResult("x");
  const seen: string[] = [];
  loop.callSoon(() => seen.push("before"));
  future.addDoneCallback((f) => seen.push(`done callback ${f.result()}`));
  loop.callSoon(() => seen.push("after"));
  await runOnce(loop);
  assert.deepEqual(seen, ["before", "done callback x", "after"]);
  loop.close();
});

Deno.test("Future.addDoneCallback() throws TypeError naming `fn` and the value, and queued work still runs", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<string>();
  const seen: string[] = [];
  future.addDoneCallback(() => seen.push("registered before"));
  for (const [value, shown] of [[1, "1"], ["f", '"f"'], [null, "null"]]) {
    assert.throws(
      // @ts-expect-error: not a function
      () => future.addDoneCallback(value),
      (error: unknown) => {
        assert.ok(error instanceof TypeError);
        assert.match(error.message, /`fn`/);
        assert.ok(error.message.endsWith(`got ${shown}`), error.message);
        return true;
      },
    );
  }
  future.addDoneCallback(() => seen.push("registered after"));
  loop.callSoon(() => future.setResult("x"));
  await loop.runUntilComplete(future);
  assert.deepEqual(seen, ["registered before", "registered after"]);
  loop.close();
});

Deno.test("Future.removeDoneCallback() removes every registration and returns how many", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<string>();
  const seen: string[] = [];
  const a = () => void seen.push("a");
  const b = () => void seen.push("b");
  future.addDoneCallback(a);
  future.addDoneCallback(b);
  future.addDoneCallback(a);
  future.addDoneCallback(a);
  assert.equal(future.removeDoneCallback(a), 3);
  assert.equal(future.removeDoneCallback(a), 0);
  assert.equal(future.removeDoneCallback(() => {}), 0);
  loop.callSoon(() => future.setResult("x"));
  await loop.runUntilComplete(future);
  assert.deepEqual(seen, ["b"]);
  assert.equal(future.removeDoneCallback(b), 0);
  loop.close();
});

Deno.test("Future.addDoneCallback() accepts a partial with keywords, as Python's functools.partial(cb, n=1)", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<string>();
  const seen: string[] = [];
  function callback(f: Future<string>, { n }: { n: number }): void {
    seen.push(`${n}: future done: ${f.result()}`);
  }
  future.addDoneCallback(partial(callback, kw({ n: 1 })));
  future.addDoneCallback(partial(callback, kw({ n: 2 })));
  loop.callSoon(() => future.setResult("the result"));
  await loop.runUntilComplete(future);
  assert.deepEqual(seen, [
    "1: future done: the result",
    "2: future done: the result",
  ]);
  loop.close();
});

Deno.test("Future: an exception in a done callback goes to the loop's exception handler", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<string>();
  const messages: string[] = [];
  loop.setExceptionHandler((_, context) => messages.push(context.message));
  const seen: string[] = [];
  function failing(): void {
    throw new Error("boom");
  }
  future.addDoneCallback(failing);
  future.addDoneCallback(() => seen.push("next callback"));
  loop.callSoon(() => future.setResult("x"));
  await loop.runUntilComplete(future);
  assert.deepEqual(seen, ["next callback"]);
  assert.deepEqual(messages, [
    "Exception in callback failing(<Future finished result='x'>)",
  ]);
  loop.close();
});

// ---------------------------------------------------------------------------
// then() and await

Deno.test("Future.then(): await resumes with the result", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<number>();
  loop.callLater(1, () => future.setResult(20));
  const result = await loop.runUntilComplete(async () => 1 + await future);
  assert.equal(result, 21);
  loop.close();
});

Deno.test("Future.then(): await throws the future's exception", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<number>();
  const boom = new Error("boom");
  loop.callLater(1, () => future.setException(boom));
  const caught = await loop.runUntilComplete(async () => {
    try {
      await future;
      return undefined;
    } catch (error) {
      return error;
    }
  });
  assert.equal(caught, boom);
  loop.close();
});

Deno.test("Future.then(): awaiting a cancelled future throws CancelledError with its message", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<number>();
  loop.callLater(1, () => future.cancel("stop waiting"));
  const caught = await loop.runUntilComplete(async () => {
    try {
      await future;
      return undefined;
    } catch (error) {
      return error;
    }
  });
  assert.ok(isCancelled("stop waiting")(caught));
  loop.close();
});

Deno.test("Future.then(): a future cancelled before the await rejects with CancelledError", async () => {
  const loop = new EventLoop();
  const future = loop.createFuture<number>();
  future.cancel();
  await assert.rejects(Promise.resolve(future), isCancelled());
  await assert.rejects(
    (async () => await future)(),
    CancelledError,
  );
  loop.close();
});

Deno.test("Future.then(): awaiting a done future works without running the loop", async () => {
  const loop = new EventLoop();
  const finished = loop.createFuture<string>();
  finished.setResult("ready");
  assert.equal(await finished, "ready");
  const failed = loop.createFuture<string>();
  const boom = new Error("boom");
  failed.setException(boom);
  await assert.rejects(Promise.resolve(failed), (error) => error === boom);
  loop.close();
});

Deno.test("Future.then(onFulfilled) returns a promise of what the handler returns", async () => {
  const loop = new EventLoop();
  const future = loop.createFuture<number>();
  future.setResult(2);
  const doubled = future.then((value) => value * 2);
  assert.ok(doubled instanceof Promise);
  assert.equal(await doubled, 4);
  assert.equal(await future.then(), 2);
  assert.equal(await future.then(null, () => "unused"), 2);
  loop.close();
});

Deno.test("Future.then(undefined, onRejected) handles the exception and a cancellation", async () => {
  const loop = new EventLoop();
  const failed = loop.createFuture<number>();
  const boom = new Error("boom");
  failed.setException(boom);
  assert.equal(await failed.then(undefined, (error) => error), boom);
  assert.equal(await failed.then(() => "unused", () => "handled"), "handled");

  const cancelled = loop.createFuture<number>();
  cancelled.cancel("why");
  const reason = await cancelled.then(null, (error) => error);
  assert.ok(isCancelled("why")(reason));
  loop.close();
});

Deno.test("Future.then(): a throwing handler rejects the returned promise", async () => {
  const loop = new EventLoop();
  const future = loop.createFuture<number>();
  future.setResult(1);
  const oops = new Error("oops");
  await assert.rejects(
    future.then(() => {
      throw oops;
    }),
    (error) => error === oops,
  );
  const failed = loop.createFuture<number>();
  failed.setException(new Error("first"));
  await assert.rejects(
    failed.then(null, () => {
      throw oops;
    }),
    (error) => error === oops,
  );
  loop.close();
});

Deno.test("Future.then() chains like a promise, resolving returned thenables", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const first = loop.createFuture<number>();
  const second = loop.createFuture<string>();
  loop.callLater(1, () => first.setResult(3));
  loop.callLater(2, () => second.setResult("!"));
  const result = await loop.runUntilComplete(
    first
      .then((n) => n * 2)
      .then((n) => second.then((suffix) => `${n}${suffix}`)),
  );
  assert.equal(result, "6!");
  assert.equal(loop.time(), 2);
  loop.close();
});

Deno.test("Future.then() on a pending future resolves only when the loop runs its wakeup", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<string>();
  const seen: string[] = [];
  void future.then((value) => seen.push(`then ${value}`));
  loop.callSoon(() => {
    future.setResult("x");
    seen.push("set");
  });
  loop.callSoon(() => seen.push("same iteration"));
  await runOnce(loop);
  assert.deepEqual(seen, ["set", "same iteration"]);
  loop.callSoon(() => seen.push("after the wakeup"));
  await runOnce(loop);
  assert.deepEqual(seen, [
    "set",
    "same iteration",
    "then x",
    "after the wakeup",
  ]);
  loop.close();
});

Deno.test("Future.then(): a task awaiting a future is woken in registration order with the done callbacks", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<void>();
  const seen: string[] = [];
  future.addDoneCallback(() => seen.push("callback before"));
  const task = loop.createTask(async () => {
    await future;
    seen.push("task resumed");
  });
  loop.callSoon(() =>
    future.addDoneCallback(() => seen.push("callback after"))
  );
  loop.callLater(1, () => future.setResult());
  await loop.runUntilComplete(task);
  await loop.runUntilComplete(future);
  assert.deepEqual(seen, ["callback before", "task resumed", "callback after"]);
  loop.close();
});

// ---------------------------------------------------------------------------
// repr

interface ReprCase {
  name: string;
  settle(future: Future<unknown>): void;
  expected: string;
}

Deno.test("Future.toString() matches asyncio's repr()", async (t) => {
  function callback(): void {}
  function other(): void {}
  function last(): void {}
  function keyed(_future: Future<unknown>, _options: { n: number }): void {}
  const cases: ReprCase[] = [
    { name: "pending", settle() {}, expected: "<Future pending>" },
    {
      name: "cancelled",
      settle: (future) => future.cancel(),
      expected: "<Future cancelled>",
    },
    {
      name: "cancelled with a message",
      settle: (future) => future.cancel("why"),
      expected: "<Future cancelled>",
    },
    {
      name: "finished with a result",
      settle: (future) => future.setResult("the result"),
      expected: "<Future finished result='the result'>",
    },
    {
      name: "finished with a number",
      settle: (future) => future.setResult(42),
      expected: "<Future finished result=42>",
    },
    {
      name: "finished with undefined",
      settle: (future) => future.setResult(undefined),
      expected: "<Future finished result=undefined>",
    },
    {
      name: "finished with an exception",
      settle: (future) => future.setException(new Error("boom")),
      expected: "<Future finished exception=Error('boom')>",
    },
    {
      name: "finished with a TypeError",
      settle: (future) => future.setException(new TypeError("it's bad")),
      expected: `<Future finished exception=TypeError("it's bad")>`,
    },
    {
      name: "pending with a done callback",
      settle: (future) => future.addDoneCallback(callback),
      expected: "<Future pending cb=[callback()]>",
    },
    {
      name: "pending with a partial done callback",
      settle: (future) => future.addDoneCallback(partial(keyed, kw({ n: 1 }))),
      expected: "<Future pending cb=[keyed(n=1)()]>",
    },
    {
      name: "pending with three done callbacks",
      settle: (future) => {
        future.addDoneCallback(callback);
        future.addDoneCallback(other);
        future.addDoneCallback(last);
      },
      expected: "<Future pending cb=[callback(), <1 more>, last()]>",
    },
  ];
  const loop = new EventLoop();
  for (const { name, settle, expected } of cases) {
    await t.step(name, () => {
      const future = loop.createFuture<unknown>();
      settle(future);
      assert.equal(String(future), expected);
      assert.equal(future.toString(), expected);
      assert.equal(`${future}`, expected);
      retrieve(future);
    });
  }
  loop.close();
});

Deno.test("Future: the Deno and Node inspectors show toString()", () => {
  const loop = new EventLoop();
  const future = loop.createFuture<string>();
  future.setResult("the result");
  const inspectors = future as unknown as Record<symbol, () => string>;
  for (const name of ["Deno.customInspect", "nodejs.util.inspect.custom"]) {
    const inspect = inspectors[Symbol.for(name)];
    assert.equal(typeof inspect, "function", name);
    assert.equal(
      inspect!.call(future),
      "<Future finished result='the result'>",
    );
  }
  loop.close();
});

Deno.test("Future: a done callback removed before the future finishes does not show in toString()", () => {
  const loop = new EventLoop();
  const future = loop.createFuture<string>();
  function callback(): void {}
  future.addDoneCallback(callback);
  future.removeDoneCallback(callback);
  assert.equal(String(future), "<Future pending>");
  loop.close();
});

/**
 * A future whose addDoneCallback() logs and holds the callbacks back until
 * release(): a task awaiting it resumes only through that override.
 */
class HeldFuture<T> extends Future<T> {
  readonly log: string[] = [];
  readonly #held: ((future: Future<T>) => void)[] = [];

  override addDoneCallback(fn: (future: Future<T>) => void): void {
    this.log.push(`addDoneCallback(${fn.name})`);
    this.#held.push(fn);
  }

  release(): void {
    for (const fn of this.#held.splice(0)) super.addDoneCallback(fn);
  }
}

Deno.test("Future subclass: a task awaiting it registers through its own addDoneCallback(), as asyncio's Task.__step", async (t) => {
  for (const kind of ["async", "generator"] as const) {
    await t.step(`${kind} task`, async () => {
      const loop = new EventLoop({ clock: "virtual" });
      const future = new HeldFuture<string>({ loop });
      const log: unknown[] = future.log;
      const task = kind === "async"
        ? loop.createTask(async () => await future)
        : loop.createTask(function* () {
          return yield* future;
        });
      loop.callLater(1, () => {
        future.setResult("x");
        log.push(["set", String(task).includes("wait_for=<HeldFuture")]);
      });
      loop.callLater(2, () => {
        log.push(["released", task.done()]);
        future.release();
      });
      assert.equal(await loop.runUntilComplete(task), "x");
      assert.deepEqual(log, [
        "addDoneCallback(wakeup)",
        ["set", true],
        ["released", false],
      ]);
      assert.equal(loop.time(), 2);
      loop.close();
    });
  }
  await t.step("code outside any task, and a cancelled task", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const outside = new HeldFuture<number>({ loop });
    const awaited = outside.then((value) => value * 2);
    const cancelled = new HeldFuture<number>({ loop });
    const task = loop.createTask(function* () {
      return yield* cancelled;
    });
    loop.callLater(1, () => {
      outside.setResult(21);
      outside.release();
      task.cancel("stop");
      cancelled.release();
    });
    await loop.runUntilComplete(task).catch((error) => {
      assert.ok(error instanceof CancelledError);
      assert.equal(error.message, "stop");
    });
    assert.equal(await awaited, 42);
    assert.deepEqual(outside.log, ["addDoneCallback(wakeup)"]);
    assert.deepEqual(cancelled.log, ["addDoneCallback(wakeup)"]);
    assert.ok(task.cancelled());
    loop.close();
  });
});

Deno.test("isFuture() is true for futures, tasks and subclasses only, as asyncio.isfuture()", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<number>();
  const task = loop.createTask(async () => await Promise.resolve(1));
  const generatorTask = loop.createTask(function* () {
    yield;
    return 2;
  });
  const gathering = gather([task, generatorTask]);
  class Mine<T> extends Future<T> {}
  for (
    const value of [future, task, generatorTask, gathering, new Mine({ loop })]
  ) {
    assert.equal(isFuture(value), true, String(value));
  }
  // asyncio's duck typing is not followed: the library tells its futures
  // by class everywhere (a thenable is awaited as a promise).
  for (
    const value of [
      Promise.resolve(1),
      { then() {} },
      { _asyncio_future_blocking: false, done: () => true },
      (function* () {})(),
      async () => {},
      Future,
      null,
      undefined,
      42,
    ]
  ) {
    assert.equal(isFuture(value), false, String(value));
  }
  assert.deepEqual(await loop.runUntilComplete(gathering), [1, 2]);
  loop.close();
});
