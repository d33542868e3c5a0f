/**
 * Generator tasks: tasks that step a generator themselves (asyncio's
 * generator-based coroutines, `yield from future`), as CPython's
 * `Task.__step`. The orderings against Python are in
 * tests/reference/generators/; these tests pin the API: the errors thrown
 * into the generator, the types of `yield*`, generator objects and
 * functions, ensureFuture(), currentTask(), awaiting across the two kinds of
 * tasks, and the virtual clock.
 */

import assert from "node:assert/strict";
import {
  CancelledError,
  createTask,
  currentTask,
  ensureFuture,
  EventLoop,
  type Future,
  gather,
  type GatheringFuture,
  type GeneratorCoroutine,
  run,
  setEventLoop,
  shield,
  sleep,
  Task,
  TaskGroup,
  timeout,
  TimeoutError,
  waitFor,
} from "../mod.ts";
import { assertType, type IsExact } from "./_types.ts";

// Expected messages and orders come from the same programs run on Python
// 3.11's asyncio (with `yield from` where the message says `yield*`).

/** A task named `g` on `loop`, and a future done when its code ends. */
function named<T>(
  loop: EventLoop,
  body: () => Generator<unknown, T, unknown>,
): { task: Task<T>; ended: Future<void> } {
  const ended = loop.createFuture<void>();
  const task = loop.createTask(function* () {
    try {
      return yield* body();
    } finally {
      ended.setResult();
    }
  }, { name: "g" });
  return { task, ended };
}

function message(error: unknown): string {
  assert.ok(error instanceof Error, `not an Error: ${String(error)}`);
  // A plain Error, as asyncio's RuntimeError.
  assert.equal(Object.getPrototypeOf(error), Error.prototype);
  return error.message;
}

Deno.test("bad yields are thrown into the generator as Errors with asyncio's messages, one iteration later", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const other = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  let ticks = 0;
  const tick = (): void => {
    log.push(`tick ${ticks}`);
    if (++ticks < 9) loop.callSoon(tick);
  };
  const pending = loop.createFuture<string>();
  const { task, ended } = named(loop, function* () {
    loop.callSoon(tick);
    try {
      yield pending;
    } catch (error) {
      log.push(message(error));
    }
    for (const value of [42, "x", null]) {
      try {
        yield value;
      } catch (error) {
        log.push(message(error));
      }
    }
    try {
      yield* currentTask()!;
    } catch (error) {
      log.push(message(error));
    }
    try {
      yield* other.createFuture();
    } catch (error) {
      log.push(message(error));
    }
    // The loop is checked first, as in CPython's __step.
    try {
      yield other.createFuture();
    } catch (error) {
      log.push(message(error));
    }
    try {
      yield (function* () {})();
    } catch (error) {
      // Its end is the generator's repr().
      log.push(message(error).replace(/ with .*$/, " with ..."));
    }
    loop.callSoon(() => pending.setResult("the future still works"));
    log.push(yield* pending);
    return "went on";
  });
  await loop.runUntilComplete(ended);
  assert.equal(task.result(), "went on");
  const g = "<Task pending name='g'>";
  assert.deepEqual(log, [
    "tick 0",
    `yield was used instead of yield* in task ${g} with <Future pending>`,
    "tick 1",
    "Task got bad yield: 42",
    "tick 2",
    "Task got bad yield: 'x'",
    "tick 3",
    "Task got bad yield: null",
    "tick 4",
    `Task cannot await on itself: ${g}`,
    "tick 5",
    `Task ${g} got Future <Future pending> attached to a different loop`,
    "tick 6",
    `Task ${g} got Future <Future pending> attached to a different loop`,
    "tick 7",
    `yield was used instead of yield* for generator in task ${g} with ...`,
    "tick 8",
    "the future still works",
  ]);
  loop.close();
  other.close();
});

Deno.test("a generator that does not catch a bad yield's error fails with it", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const task = loop.createTask(function* () {
    yield 42;
  });
  await assert.rejects(loop.runUntilComplete(task), (error) => {
    assert.equal(message(error), "Task got bad yield: 42");
    return true;
  });
  assert.equal(task.cancelled(), false);
  loop.close();
});

Deno.test("yield* gives the future's result, throws its exception or CancelledError, and reads a done future without yielding", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  const result = await loop.runUntilComplete(function* () {
    const ok = loop.createFuture<number>();
    loop.callSoon(() => ok.setResult(21));
    const n: number = yield* ok;
    log.push(n);
    const failing = loop.createFuture<number>();
    loop.callSoon(() => failing.setException(new RangeError("bad")));
    try {
      yield* failing;
    } catch (error) {
      assert.ok(error instanceof RangeError);
      log.push(error.message);
    }
    const cancelled = loop.createFuture<number>();
    loop.callSoon(() => cancelled.cancel("stop"));
    try {
      yield* cancelled;
    } catch (error) {
      assert.ok(error instanceof CancelledError);
      log.push(`cancelled: ${error.message}`);
    }
    // Done: no iteration passes (the callback queued now has not run).
    let ran = false;
    loop.callSoon(() => ran = true);
    log.push(yield* ok, ran);
    return 2 * n;
  });
  assert.equal(result, 42);
  assert.deepEqual(log, [21, "bad", "cancelled: stop", 21, false]);
  loop.close();
});

Deno.test("yield* has the types of the future's result, a task's, a gather's and a generator's return value", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  function* text(): Generator<unknown, string> {
    yield;
    return "text";
  }
  const task: Task<number> = loop.createTask(function* () {
    const n: number = yield* loop.createFuture<number>();
    return n;
  });
  assertType<IsExact<typeof task, Task<number>>>(true);
  task.cancel();
  const fromObject = loop.createTask(text());
  assertType<IsExact<typeof fromObject, Task<string>>>(true);
  const coroutine: GeneratorCoroutine<string> = text;
  const coroutineObject: GeneratorCoroutine<string> = text();
  // @ts-expect-error: it returns a string
  const wrongCoroutine: GeneratorCoroutine<number> = text;
  void [coroutine, coroutineObject, wrongCoroutine];
  // Type-checked, never run.
  function* wrongResult(): Generator<unknown, void> {
    // @ts-expect-error: a future of a number gives a number
    const wrong: string = yield* loop.createFuture<number>();
    void wrong;
  }
  void wrongResult;

  const result = await loop.runUntilComplete(function* () {
    const s = yield* sleep(0, "slept");
    assertType<IsExact<typeof s, string>>(true);
    const v = yield* sleep(0);
    assertType<IsExact<typeof v, void>>(true);
    const t = yield* fromObject;
    assertType<IsExact<typeof t, string>>(true);
    const sub = yield* text();
    assertType<IsExact<typeof sub, string>>(true);
    const gathering = gather([text(), () => text(), fromObject]);
    assertType<
      IsExact<typeof gathering, GatheringFuture<[string, string, string]>>
    >(true);
    const all = yield* gathering;
    assertType<IsExact<typeof all, [string, string, string]>>(true);
    const shielded = yield* shield(text());
    assertType<IsExact<typeof shielded, string>>(true);
    const ensured = ensureFuture(text());
    assertType<IsExact<typeof ensured, Future<string>>>(true);
    const fromPromise = yield* ensureFuture(Promise.resolve(7n));
    assertType<IsExact<typeof fromPromise, bigint>>(true);
    return [s, t, sub, all, shielded, yield* ensured, fromPromise] as const;
  });
  assertType<
    IsExact<
      typeof result,
      readonly [
        string,
        string,
        string,
        [string, string, string],
        string,
        string,
        bigint,
      ]
    >
  >(true);
  assert.deepEqual(result, [
    "slept",
    "text",
    "text",
    ["text", "text", "text"],
    "text",
    "text",
    7n,
  ]);
  loop.close();
});

Deno.test("a generator object and a generator function both start on the task's first step, one iteration later", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  function* body(name: string): Generator<unknown, string> {
    log.push(`${name} starts`);
    yield;
    log.push(`${name} resumes`);
    return name;
  }
  await loop.runUntilComplete(function* () {
    loop.callSoon(() => log.push("callback queued first"));
    const fromObject = createTask(body("object"));
    const fromFunction = createTask(() => {
      log.push("function called");
      return body("function");
    });
    const fromGeneratorFunction = new Task(function* () {
      return yield* body("generator function");
    });
    log.push(`created: ${fromObject.done()} ${fromFunction.done()}`);
    assert.deepEqual(
      yield* gather([fromObject, fromFunction, fromGeneratorFunction]),
      ["object", "function", "generator function"],
    );
  });
  assert.deepEqual(log, [
    "created: false false",
    "callback queued first",
    "object starts",
    "function called",
    "function starts",
    "generator function starts",
    "object resumes",
    "function resumes",
    "generator function resumes",
  ]);
  loop.close();
});

Deno.test("a generator that returns without yielding finishes on its first step", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  // deno-lint-ignore require-yield
  function* immediate(): Generator<unknown, string> {
    return "at once";
  }
  const task = loop.createTask(immediate());
  const log: string[] = [];
  task.addDoneCallback(() => log.push("done callback"));
  loop.callSoon(() => log.push(`after the first step: ${task.done()}`));
  assert.equal(task.done(), false);
  assert.equal(await loop.runUntilComplete(task), "at once");
  assert.deepEqual(log, ["after the first step: true", "done callback"]);
  assert.equal(await loop.runUntilComplete(immediate), "at once");
  assert.equal(await run(immediate(), { clock: "virtual" }), "at once");
  loop.close();
});

Deno.test("a generator that throws on its first step fails the task with that error", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const error = new RangeError("first step");
  // deno-lint-ignore require-yield
  function* throws(): Generator<unknown, never> {
    throw error;
  }
  const task = loop.createTask(throws);
  const seen: unknown[] = [];
  task.addDoneCallback((t) => seen.push(t.exception()));
  await assert.rejects(loop.runUntilComplete(task), (e) => e === error);
  assert.deepEqual(seen, [error]);
  assert.equal(task.cancelled(), false);
  await assert.rejects(loop.runUntilComplete(throws()), (e) => e === error);
  // A function that throws before it returns its generator, the same.
  await assert.rejects(
    loop.runUntilComplete(() => {
      throw error;
    }),
    (e) => e === error,
  );
  loop.close();
});

Deno.test("a generator task cancelled before it starts never runs its code; cancel() at a bare yield lands on the next step", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  function* body(): Generator<unknown, never> {
    log.push("started");
    try {
      for (;;) yield;
    } catch (error) {
      assert.ok(error instanceof CancelledError);
      log.push(`cancelled at the bare yield: ${error.message}`);
      throw error;
    }
  }
  const early = loop.createTask(body());
  const earlyFunction = loop.createTask(() => {
    log.push("never called");
    return body();
  });
  assert.equal(early.cancel("early"), true);
  assert.equal(earlyFunction.cancel(), true);
  const late = loop.createTask(body);
  await loop.runUntilComplete(function* () {
    yield; // late starts, and has its next step queued
    assert.equal(late.cancel("late"), true);
    assert.equal(late.cancelling(), 1);
    yield* gather([early, earlyFunction, late], { returnExceptions: true });
  });
  assert.deepEqual(log, ["started", "cancelled at the bare yield: late"]);
  assert.ok(early.cancelled() && earlyFunction.cancelled() && late.cancelled());
  loop.close();
});

Deno.test("ensureFuture() keeps a future, and makes a task of a promise, an async function, a generator and a generator function", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<number>();
  assert.equal(ensureFuture(future), future);
  assert.equal(ensureFuture(future, { loop }), future);
  await loop.runUntilComplete(function* () {
    function* gen(): Generator<unknown, string> {
      yield;
      return "generator";
    }
    const made = [
      ensureFuture(Promise.resolve("promise")),
      ensureFuture(async () => await sleep(0, "async function")),
      ensureFuture(gen()),
      ensureFuture(gen),
    ];
    for (const f of made) {
      assert.ok(f instanceof Task);
      assert.equal(f.getLoop(), loop);
    }
    assert.deepEqual(yield* gather(made), [
      "promise",
      "async function",
      "generator",
      "generator",
    ]);
  });
  // Outside a running loop: the current loop, or the one given.
  const previous = new EventLoop({ clock: "virtual" });
  setEventLoop(previous);
  try {
    const task = ensureFuture(Promise.resolve(1));
    assert.equal(task.getLoop(), previous);
    assert.equal(ensureFuture(Promise.resolve(2), { loop }).getLoop(), loop);
    assert.equal(await previous.runUntilComplete(task), 1);
  } finally {
    setEventLoop(null);
    previous.close();
  }
  loop.close();
});

Deno.test("ensureFuture() rejects what cannot be awaited with a TypeError naming the argument", () => {
  const loop = new EventLoop({ clock: "virtual" });
  const bad = <T>(value: unknown): T => value as T;
  const awaitable = "a future, a promise or an async function";
  for (
    const [value, shown] of [
      [42, "42"],
      [undefined, "undefined"],
      ["text", '"text"'],
      [{ next() {} }, "{ next: [Function: next] }"],
    ] as const
  ) {
    assert.throws(
      () => ensureFuture(bad<Future<unknown>>(value)),
      {
        name: "TypeError",
        message:
          `ensureFuture() expected \`awaitable\` to be ${awaitable}, got ${shown}`,
      },
    );
  }
  assert.throws(() => ensureFuture(loop.createFuture(), bad(1)), {
    name: "TypeError",
    message:
      "ensureFuture() expected `options` to be an object such as { loop }, got 1",
  });
  assert.throws(
    () => ensureFuture(loop.createFuture(), { loop: bad("loop") }),
    {
      name: "TypeError",
      message:
        'ensureFuture() expected `options.loop` to be an EventLoop, got "loop"',
    },
  );
  const other = new EventLoop({ clock: "virtual" });
  assert.throws(() => ensureFuture(loop.createFuture(), { loop: other }), {
    name: "Error",
    message:
      "ensureFuture() got <Future pending>, a future of another EventLoop than `options.loop`",
  });
  other.close();
  loop.close();
});

Deno.test("currentTask() is the generator task during its steps, and undefined in plain callbacks right after", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: Array<[string, string | undefined]> = [];
  const note = (where: string): void => {
    seen.push([where, currentTask(loop)?.getName()]);
  };
  const gate = loop.createFuture<void>();
  loop.callSoon(note, "callback queued before the first step");
  const task = loop.createTask(function* () {
    note("first step");
    loop.callSoon(note, "callback queued by the step");
    yield;
    note("after a bare yield");
    gate.addDoneCallback(() => note("done callback of the gate"));
    loop.callSoon(() => gate.setResult());
    yield* gate;
    note("after yield* gate");
    yield* sleep(1);
    note("after sleep(1)");
    return "g";
  }, { name: "g" });
  task.addDoneCallback(() => note("done callback of the task"));
  await loop.runUntilComplete(task);
  assert.deepEqual(seen, [
    ["callback queued before the first step", undefined],
    ["first step", "g"],
    ["callback queued by the step", undefined],
    ["after a bare yield", "g"],
    ["done callback of the gate", undefined],
    ["after yield* gate", "g"],
    ["after sleep(1)", "g"],
    ["done callback of the task", undefined],
  ]);
  loop.close();
});

Deno.test("currentTask() stays right when a generator step runs inside the callback that resumes an async task", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: string[] = [];
  for (const asyncFirst of [true, false]) {
    await loop.runUntilComplete(async () => {
      const main = currentTask();
      const ready = loop.createFuture<void>();
      const box: { slot?: Future<void> } = {};
      const make = (kind: string): Task<void> =>
        kind === "async"
          ? loop.createTask(async () => {
            await ready;
            // A sleep(0) future wakes all its awaiters in one callback.
            await box.slot!;
            seen.push(`async: ${currentTask()?.getName()}`);
            await sleep(0);
            seen.push(`async again: ${currentTask()?.getName()}`);
          }, { name: "async" })
          : loop.createTask(function* () {
            yield* ready;
            yield* box.slot!;
            seen.push(`gen: ${currentTask()?.getName()}`);
            yield;
            seen.push(`gen again: ${currentTask()?.getName()}`);
          }, { name: "gen" });
      const tasks = asyncFirst
        ? [make("async"), make("gen")]
        : [make("gen"), make("async")];
      await sleep(0);
      ready.setResult();
      box.slot = sleep(0);
      await gather(tasks);
      seen.push(`main is current: ${currentTask() === main}`);
    });
    // The generator's code runs inside the callback, the async function's
    // in the microtask turns after it, whatever the order of registration.
    assert.deepEqual(seen.splice(0).sort(), [
      "async again: async",
      "async: async",
      "gen again: gen",
      "gen: gen",
      "main is current: true",
    ]);
  }
  loop.close();
});

Deno.test("an async function awaits a generator task, and a generator task awaits an async task, results and errors alike", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  const result = await loop.runUntilComplete(async () => {
    const genTask = loop.createTask(function* () {
      yield* sleep(1);
      return "from a generator";
    });
    log.push(await genTask);
    const failingGen = loop.createTask(function* () {
      yield;
      throw new RangeError("generator failed");
    });
    await assert.rejects(async () => await failingGen, {
      message: "generator failed",
    });

    const asyncTask = loop.createTask(async () => {
      await sleep(1);
      return "from an async function";
    });
    const failingAsync = loop.createTask(async () => {
      await sleep(0);
      throw new RangeError("async failed");
    });
    const waiter = loop.createTask(function* () {
      log.push(yield* asyncTask);
      try {
        yield* failingAsync;
      } catch (error) {
        assert.ok(error instanceof RangeError);
        log.push(error.message);
      }
      // And an async task that awaits a generator task in turn.
      return yield* loop.createTask(async () =>
        `${await loop.createTask(function* () {
          yield;
          return "nested";
        })} twice`
      );
    });
    return await waiter;
  });
  assert.equal(result, "nested twice");
  assert.deepEqual(log, [
    "from a generator",
    "from an async function",
    "async failed",
  ]);
  assert.equal(loop.time(), 2);
  loop.close();
});

Deno.test("cancelling a generator task cancels the async task it awaits, and the reverse", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  await loop.runUntilComplete(async () => {
    const inner = loop.createTask(async () => {
      try {
        await sleep(10);
      } catch (error) {
        log.push("async inner cancelled");
        throw error;
      }
    });
    const outer = loop.createTask(function* () {
      try {
        yield* inner;
      } catch (error) {
        assert.ok(error instanceof CancelledError);
        log.push(`generator outer cancelled: ${error.message}`);
        throw error;
      }
    });
    await sleep(0);
    outer.cancel("from main");
    await assert.rejects(async () => await outer, CancelledError);
    assert.ok(inner.cancelled());

    const genInner = loop.createTask(function* () {
      try {
        yield* sleep(10);
      } catch (error) {
        log.push("generator inner cancelled");
        throw error;
      }
    });
    const asyncOuter = loop.createTask(async () => await genInner);
    await sleep(0);
    asyncOuter.cancel();
    await assert.rejects(async () => await asyncOuter, CancelledError);
    assert.ok(genInner.cancelled());
  });
  assert.deepEqual(log, [
    "async inner cancelled",
    "generator outer cancelled: from main",
    "generator inner cancelled",
  ]);
  assert.equal(loop.time(), 0);
  loop.close();
});

Deno.test("a generator iterated by hand outside a task: a pending future does not hang, a done one gives its outcome, iterators keep their own futures", (): Promise<void> => {
  const loop = new EventLoop({ clock: "virtual" });
  const pending = loop.createFuture<number>();
  // The future yields itself once, then finds it was not awaited.
  assert.throws(() => [...pending], {
    name: "Error",
    message: "yield* wasn't used with future",
  });
  const iterator = pending[Symbol.iterator]();
  assert.deepEqual(iterator.next(), { value: pending, done: false });
  assert.throws(() => iterator.next(), {
    message: "yield* wasn't used with future",
  });
  assert.equal(pending.done(), false);

  const done = loop.createFuture<number>();
  done.setResult(5);
  assert.deepEqual([...done], []);
  assert.deepEqual(done[Symbol.iterator]().next(), { value: 5, done: true });
  const failed = loop.createFuture<number>();
  failed.setException(new RangeError("failed"));
  assert.throws(() => failed[Symbol.iterator]().next(), RangeError);
  const cancelled = loop.createFuture<number>();
  cancelled.cancel("gone");
  assert.throws(() => [...cancelled], {
    name: "CancelledError",
    message: "gone",
  });
  // A whole generator coroutine stepped by hand: it runs up to the pending
  // future it waits on, and yields it. Resumed before the future is done,
  // it throws; after, it gets the result, as CPython's `Future.__await__`.
  function* coroutine(): Generator<unknown, number> {
    return 1 + (yield* pending);
  }
  const early = coroutine();
  assert.equal(early.next().value, pending);
  assert.throws(() => early.next(), {
    message: "yield* wasn't used with future",
  });
  const stepped = coroutine();
  assert.equal(stepped.next().value, pending);
  pending.setResult(41);
  assert.deepEqual(stepped.next(), { value: 42, done: true });
  // Two iterators alive at once keep their own futures.
  const a = loop.createFuture<string>();
  const b = loop.createFuture<string>();
  a.setResult("a");
  b.setResult("b");
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  assert.deepEqual(ia.next(), { value: "a", done: true });
  assert.deepEqual(ib.next(), { value: "b", done: true });
  const again = loop.createFuture<number>();
  // The same coroutine in a task gives its result.
  function* later(): Generator<unknown, number> {
    return 1 + (yield* again);
  }
  loop.callSoon(() => again.setResult(41));
  const task = loop.createTask(later());
  return loop.runUntilComplete(task).then((result) => {
    assert.equal(result, 42);
    loop.close();
  });
});

Deno.test("virtual clock: yield* sleep(d) takes d seconds, a bare yield takes none, concurrent sleeps overlap", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const times: Array<[string, number]> = [];
  function* sleeper(name: string, delays: number[]): Generator<unknown, void> {
    for (const delay of delays) {
      yield* sleep(delay);
      times.push([name, loop.time()]);
    }
  }
  await loop.runUntilComplete(function* () {
    yield;
    times.push(["bare yield", loop.time()]);
    yield* sleep(1.5);
    times.push(["sleep(1.5)", loop.time()]);
    yield* gather([sleeper("a", [1, 1, 1]), sleeper("b", [2.5])]);
    times.push(["gather", loop.time()]);
    yield* ensureFuture(waitFor(sleeper("c", [0.25]), 1));
    times.push(["waitFor", loop.time()]);
  });
  assert.deepEqual(times, [
    ["bare yield", 0],
    ["sleep(1.5)", 1.5],
    ["a", 2.5],
    ["a", 3.5],
    ["b", 4],
    ["a", 4.5],
    ["gather", 4.5],
    ["c", 4.75],
    ["waitFor", 4.75],
  ]);
  loop.close();
});

Deno.test("a TaskGroup runs generator tasks, and a generator task can enter and exit a group", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  function* child(name: string, delay: number): Generator<unknown, string> {
    yield* sleep(delay);
    log.push(name);
    return name;
  }
  await loop.runUntilComplete(async () => {
    await new TaskGroup().run((tg) => {
      tg.createTask(child("a", 2));
      tg.createTask(() => child("b", 1));
    });
  });
  const result = await loop.runUntilComplete(function* () {
    const tg = new TaskGroup();
    tg.enter();
    const c = tg.createTask(child("c", 1));
    yield* ensureFuture(tg.exit());
    return c.result();
  });
  assert.equal(result, "c");
  assert.deepEqual(log, ["b", "a", "c"]);
  assert.equal(loop.time(), 3);
  loop.close();
});

Deno.test("an AbortSignal cancels a generator task, and the task's signal aborts when it is cancelled", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const controller = new AbortController();
  const task = loop.createTask(function* () {
    yield* sleep(10);
  }, { signal: controller.signal });
  const seen: unknown[] = [];
  task.signal.addEventListener("abort", () => {
    seen.push((task.signal.reason as Error).message);
  });
  loop.callLater(1, () => controller.abort(new Error("aborted")));
  await assert.rejects(loop.runUntilComplete(task), {
    name: "CancelledError",
    message: "aborted",
  });
  assert.deepEqual(seen, ["aborted"]);
  assert.equal(loop.time(), 1);
  loop.close();
});

Deno.test("yield* ensureFuture(promise) ends while other callbacks keep the loop busy", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  let ticks = 0;
  const tick = (): void => {
    if (++ticks < 1000) loop.callSoon(tick);
  };
  const result = await loop.runUntilComplete(function* () {
    loop.callSoon(tick);
    const value = yield* ensureFuture(Promise.resolve("x"));
    return `${value} after ${ticks} ticks`;
  });
  // The promise's reaction runs right after the step that awaited it, and
  // the generator wakes up on the next iteration: a tick or two, not 1000.
  assert.match(result, /^x after [0-2] ticks$/);
  loop.close();
});

Deno.test("an async helper called in a generator step registers its awaits for the ensureFuture task", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const gate = loop.createFuture<void>();
  const h1 = loop.createFuture<void>();
  const h2 = loop.createFuture<void>();
  const seen: Array<string | undefined> = [];
  async function helper(): Promise<string> {
    await h1;
    seen.push(currentTask()?.getName());
    await h2;
    return "helper value";
  }
  const a = loop.createTask(async () => {
    await gate;
    await loop.createFuture();
  }, { name: "A" });
  const g = loop.createTask(function* () {
    yield;
    return yield* ensureFuture(helper());
  }, { name: "G" });
  loop.callSoon(() => gate.setResult());
  loop.callLater(1, () => h1.setResult());
  loop.callLater(2, () => a.cancel());
  loop.callLater(3, () => h2.setResult());
  loop.callLater(4, () => loop.stop());
  await loop.runForever();
  assert.notEqual(seen[0], "A");
  assert.equal(a.cancelled(), true);
  assert.equal(g.done() && g.result(), "helper value");
  loop.close();
});

Deno.test("timeout() and TaskGroup.run() run a generator body inline, from an async task and from a generator task", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  const fromAsync = await loop.runUntilComplete(async () => {
    const value: number = await timeout(5, function* () {
      yield* sleep(1);
      yield;
      return 7;
    });
    try {
      await timeout(1, function* () {
        try {
          yield* sleep(10);
        } catch (error) {
          log.push(`body: ${(error as Error).name}`);
          throw error;
        }
      });
    } catch (error) {
      log.push(`outside: ${(error as Error).name}`);
    }
    const grouped: string = await new TaskGroup().run(function* (tg) {
      const child = tg.createTask(function* () {
        yield* sleep(2);
        return "child";
      });
      yield* sleep(1);
      return yield* child;
    });
    return [value, grouped, loop.time()];
  });
  assert.deepEqual(fromAsync, [7, "child", 4]);
  assert.deepEqual(log, ["body: CancelledError", "outside: TimeoutError"]);
  const fromGenerator = await loop.runUntilComplete(function* () {
    try {
      yield* ensureFuture(timeout(1, function* () {
        yield* sleep(10);
        return "late";
      }));
      return "no timeout";
    } catch (error) {
      return `${(error as Error).name} at ${loop.time()}`;
    }
  });
  assert.equal(fromGenerator, "TimeoutError at 5");
  assert.equal(fromGenerator.startsWith(TimeoutError.name), true);
  loop.close();
});

Deno.test("a generator body run inline by timeout() gets the same bad-yield errors as a generator task, naming the task", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const other = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  const task = loop.createTask(async () => {
    return await timeout(10, function* () {
      const pending = loop.createFuture<string>();
      for (
        const bad of [pending, 42, other.createFuture(), (function* () {})()]
      ) {
        try {
          yield bad;
        } catch (error) {
          log.push(message(error).replace(/ with <generator.*$/, " with ..."));
        }
      }
      loop.callSoon(() => pending.setResult("the future still works"));
      log.push(yield* pending);
      return "went on";
    });
  }, { name: "a" });
  assert.equal(await loop.runUntilComplete(task), "went on");
  const a = "<Task pending name='a' cb=[runUntilCompleteCb()]>";
  assert.deepEqual(log, [
    `yield was used instead of yield* in task ${a} with <Future pending>`,
    "Task got bad yield: 42",
    `Task ${a} got Future <Future pending> attached to a different loop`,
    `yield was used instead of yield* for generator in task ${a} with ...`,
    "the future still works",
  ]);
  loop.close();
  other.close();
});
