import assert from "node:assert/strict";
import {
  CancelledError,
  createTask,
  Future,
  gather,
  LifoQueue,
  PriorityQueue,
  Queue,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  sleep,
  type Task,
  TimeoutError,
  type Waitable,
  waitFor,
} from "../mod.ts";
import { genMain, main } from "./_virtual_loop.ts";
import { assertType, type IsExact } from "./_types.ts";

// Expected orders come from the same programs run on CPython 3.13's
// asyncio (the differential pairs in tests/reference/queues/ hold more).

/** A task of the async function or of the generator, by form. */
function taskOf(
  form: "async" | "generator",
  fn: () => Promise<unknown>,
  gen: () => Generator<unknown, unknown, unknown>,
): Task<unknown> {
  return form === "async" ? createTask(fn) : createTask(gen());
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.name : String(e);
}

Deno.test("Queue: putNowait() and getNowait() are FIFO, with qsize(), empty() and full()", () => {
  const q = new Queue<number>({ maxsize: 2 });
  assert.equal(q.maxsize, 2);
  assert.equal(q.empty(), true);
  q.putNowait(1);
  q.putNowait(2);
  assert.equal(q.qsize(), 2);
  assert.equal(q.full(), true);
  assert.throws(() => q.putNowait(3), QueueFull);
  assert.equal(q.getNowait(), 1);
  assert.equal(q.getNowait(), 2);
  assert.throws(() => q.getNowait(), QueueEmpty);
  assert.equal(new Queue().full(), false);
  assert.equal(new Queue().maxsize, 0);
});

Deno.test("Queue error classes set their names and are Errors", () => {
  for (
    const [Class, name] of [
      [QueueEmpty, "QueueEmpty"],
      [QueueFull, "QueueFull"],
      [QueueShutDown, "QueueShutDown"],
    ] as const
  ) {
    const error = new Class();
    assert.equal(error.name, name);
    assert.equal(error.message, "");
    assert.ok(error instanceof Error);
  }
});

Deno.test("Queue.toString() matches asyncio's str()", () => {
  const q = new Queue<unknown>({ maxsize: 3 });
  assert.equal(String(q), "<Queue maxsize=3>");
  q.putNowait(1);
  q.putNowait("it's");
  assert.equal(String(q), `<Queue maxsize=3 _queue=[1, "it's"] tasks=2>`);
  q.getNowait();
  q.getNowait();
  assert.equal(String(q), "<Queue maxsize=3 tasks=2>");
  q.taskDone();
  q.shutdown();
  assert.equal(String(q), "<Queue maxsize=3 tasks=1 shutdown>");
  assert.equal(String(new LifoQueue()), "<LifoQueue maxsize=0>");
  assert.equal(String(new PriorityQueue()), "<PriorityQueue maxsize=0>");
});

Deno.test("Queue constructors check their options", async (t) => {
  const cases: [string, () => unknown, ErrorConstructor, string][] = [
    [
      "negative maxsize",
      () => new Queue({ maxsize: -1 }),
      RangeError,
      "Queue() expected `options.maxsize` to be an integer >= 0, got -1",
    ],
    [
      "fractional maxsize",
      () => new LifoQueue({ maxsize: 1.5 }),
      RangeError,
      "LifoQueue() expected `options.maxsize` to be an integer >= 0, got 1.5",
    ],
    [
      "infinite maxsize",
      () => new Queue({ maxsize: Infinity }),
      RangeError,
      "Queue() expected `options.maxsize` to be an integer >= 0, got Infinity",
    ],
    [
      "string maxsize",
      () => new Queue({ maxsize: "2" as unknown as number }),
      TypeError,
      'Queue() expected `options.maxsize` to be an integer >= 0, got "2"',
    ],
    [
      "a number for the options",
      () => new Queue(5 as unknown as { maxsize: number }),
      TypeError,
      "Queue() expected `options` to be an object such as { maxsize }, got 5",
    ],
    [
      "compare not a function",
      () => new PriorityQueue({ compare: 1 as unknown as () => number }),
      TypeError,
      "PriorityQueue() expected `options.compare` to be a function, got 1",
    ],
    [
      "shutdown(immediate) not a boolean",
      () => new Queue().shutdown("yes" as unknown as boolean),
      TypeError,
      'Queue.shutdown() expected `immediate` to be a boolean, got "yes"',
    ],
  ];
  for (const [name, make, type, message] of cases) {
    await t.step(name, () => {
      assert.throws(make, (e: unknown) => {
        assert.ok(e instanceof type, `${e} is not a ${type.name}`);
        assert.equal((e as Error).message, message);
        return true;
      });
    });
  }
  // maxsize undefined is the default.
  assert.equal(new Queue({ maxsize: undefined }).maxsize, 0);
});

Deno.test("Queue.taskDone() called too many times throws", () => {
  const q = new Queue<number>();
  q.putNowait(1);
  q.getNowait();
  q.taskDone();
  assert.throws(() => q.taskDone(), {
    name: "Error",
    message: "taskDone() called too many times",
  });
});

Deno.test("LifoQueue hands out the last item first", () => {
  const q = new LifoQueue<number>();
  for (const i of [1, 3, 2]) q.putNowait(i);
  assert.equal(String(q), "<LifoQueue maxsize=0 _queue=[1, 3, 2] tasks=3>");
  assert.deepEqual([q.getNowait(), q.getNowait(), q.getNowait()], [2, 3, 1]);
});

Deno.test("PriorityQueue orders as Python's <: numbers, bigints, strings by code point, arrays as tuples", () => {
  const take = (q: PriorityQueue<unknown>) =>
    Array.from({ length: q.qsize() }, () => q.getNowait());
  const q = new PriorityQueue<unknown>();
  for (const n of [5, 2n, -1.5, true, 10n ** 20n, 0]) q.putNowait(n);
  assert.deepEqual(take(q), [-1.5, 0, true, 2n, 5, 10n ** 20n]);
  // U+FF21 (a BMP letter) comes before U+1F600 (astral), as in Python.
  for (const s of ["\u{1F600}", "\uFF21", "b", "a", "ab", ""]) q.putNowait(s);
  assert.deepEqual(take(q), ["", "a", "ab", "b", "\uFF21", "\u{1F600}"]);
  const tuples = [[2, "a"], [1, "b", 2], [1], [1, "b"], [0, [2, "x"]], [0, [
    2,
    "w",
  ]]];
  for (const a of tuples) q.putNowait(a);
  assert.deepEqual(take(q), [
    [0, [2, "w"]],
    [0, [2, "x"]],
    [1],
    [1, "b"],
    [1, "b", 2],
    [2, "a"],
  ]);
});

Deno.test("PriorityQueue: equal items come out in the order they were put", () => {
  const q = new PriorityQueue<[number, string]>({
    compare: (a, b) => a[0] - b[0],
  });
  const items: [number, string][] = [];
  for (let i = 0; i < 50; i++) items.push([i % 3, `item${i}`]);
  for (const item of items) q.putNowait(item);
  const out = Array.from({ length: items.length }, () => q.getNowait());
  const expected = [0, 1, 2].flatMap((p) => items.filter((i) => i[0] === p));
  assert.deepEqual(out, expected);
  // The same with Python's order and objects that tie on the first item.
  const p = new PriorityQueue<unknown>();
  const a = [1, "a"];
  const b = [1, "a"];
  p.putNowait(a);
  p.putNowait([0]);
  p.putNowait(b);
  assert.deepEqual(p.getNowait(), [0]);
  assert.equal(p.getNowait(), a);
  assert.equal(p.getNowait(), b);
});

Deno.test("PriorityQueue: items that do not compare throw TypeError, as Python", () => {
  const q = new PriorityQueue<unknown>();
  q.putNowait([1, "a"]);
  assert.throws(() => q.putNowait([1, 2]), {
    name: "TypeError",
    message: "'<' not supported between instances of 'number' and 'string'",
  });
  // As asyncio: heappush appended the item before its comparison failed.
  assert.equal(q.qsize(), 2);
  assert.equal(
    String(q),
    "<PriorityQueue maxsize=0 _queue=[[1, 'a'], [1, 2]] tasks=1>",
  );
  const objects = new PriorityQueue<unknown>();
  objects.putNowait({});
  assert.throws(() => objects.putNowait({}), {
    message: "'<' not supported between instances of 'Object' and 'Object'",
  });
  const nulls = new PriorityQueue<unknown>();
  nulls.putNowait([1, null]);
  nulls.putNowait([0, null]);
  // An identical item inside arrays is equal (Python's `is`).
  nulls.putNowait([0, null]);
  assert.throws(() => nulls.putNowait(null), {
    message: "'<' not supported between instances of 'null' and 'array'",
  });
});

Deno.test("PriorityQueue with compare orders by it", () => {
  const q = new PriorityQueue<string>({
    compare: (a, b) => b.length - a.length,
  });
  for (const s of ["a", "ccc", "bb"]) q.putNowait(s);
  assert.deepEqual([q.getNowait(), q.getNowait(), q.getNowait()], [
    "ccc",
    "bb",
    "a",
  ]);
});

Deno.test("Queue waiting methods are typed as Waitables", () => {
  const q = new Queue<number>();
  assertType<IsExact<ReturnType<typeof q.get>, Waitable<number>>>(true);
  assertType<IsExact<ReturnType<typeof q.put>, Waitable<void>>>(true);
  assertType<IsExact<ReturnType<typeof q.join>, Waitable<void>>>(true);
});

Deno.test("Queue.get() is lazy and runs once, as a coroutine", async () => {
  const q = new Queue<number>();
  q.putNowait(1);
  const getting = q.get();
  assert.equal(q.qsize(), 1);
  assert.equal(await getting, 1);
  assert.equal(await getting, 1);
  assert.equal(q.qsize(), 0);
  // Without waiting, put() and get() need no loop.
  await q.put(2);
  assert.equal(await q.get(), 2);
});

Deno.test("Queue.get() that must wait outside any loop says so", async () => {
  await assert.rejects(async () => await new Queue().get(), {
    message:
      "Queue.get() needs a running event loop: call it from code run by run(main) or loop.runUntilComplete(main)",
  });
});

for (const form of ["async", "generator"] as const) {
  Deno.test(`Queue: put() waits while full, getters and putters wake in FIFO order [${form}]`, async () => {
    const log: string[] = [];
    const q = new Queue<string>({ maxsize: 1 });
    async function putterA(name: string, item: string) {
      await q.put(item);
      log.push(`${name} put ${item}`);
    }
    function* putterG(name: string, item: string) {
      yield* q.put(item);
      log.push(`${name} put ${item}`);
    }
    async function getterA(name: string) {
      log.push(`${name} got ${await q.get()}`);
    }
    function* getterG(name: string) {
      log.push(`${name} got ${yield* q.get()}`);
    }
    await main(async () => {
      const spawn = (name: string, item?: string): Task<unknown> =>
        item === undefined
          ? taskOf(form, () => getterA(name), () => getterG(name))
          : taskOf(form, () => putterA(name, item), () => putterG(name, item));
      const tasks = [
        spawn("p1", "a"),
        spawn("p2", "b"),
        spawn("p3", "c"),
      ];
      await sleep(0);
      assert.equal(
        String(q),
        "<Queue maxsize=1 _queue=['a'] _putters[2] tasks=1>",
      );
      tasks.push(spawn("g1"), spawn("g2"), spawn("g3"), spawn("g4"));
      await sleep(0);
      await sleep(0);
      await sleep(0);
      q.putNowait("d");
      await gather(tasks);
    });
    assert.deepEqual(log, [
      "p1 put a",
      "g1 got a",
      "p2 put b",
      "g2 got b",
      "g3 got d",
      "p3 put c",
      "g4 got c",
    ]);
  });

  Deno.test(`Queue: a getter cancelled after its wake-up passes it on [${form}]`, async () => {
    const q = new Queue<number>();
    const got: unknown[] = [];
    async function readerA() {
      got.push(await q.get());
    }
    function* readerG() {
      got.push(yield* q.get());
    }
    await main(async () => {
      const spawn = () => taskOf(form, readerA, readerG);
      const r1 = spawn();
      const r2 = spawn();
      await sleep(0);
      q.putNowait(1);
      r1.cancel(); // Woken, not yet run: it must pass the wake-up to r2.
      const outcome = await gather([r1, r2], { returnExceptions: true });
      assert.ok(outcome[0] instanceof CancelledError);
      assert.deepEqual(got, [1]);
      assert.equal(String(q), "<Queue maxsize=0 tasks=1>");
    });
  });

  Deno.test(`Queue: a putter cancelled after its wake-up passes the slot on [${form}]`, async () => {
    const q = new Queue<number>({ maxsize: 1 });
    async function writerA(n: number) {
      await q.put(n);
    }
    function* writerG(n: number) {
      yield* q.put(n);
    }
    await main(async () => {
      q.putNowait(0);
      const spawn = (n: number) =>
        taskOf(form, () => writerA(n), () => writerG(n));
      const w1 = spawn(1);
      const w2 = spawn(2);
      await sleep(0);
      assert.equal(q.getNowait(), 0);
      w1.cancel();
      const outcome = await gather([w1, w2], { returnExceptions: true });
      assert.ok(outcome[0] instanceof CancelledError);
      assert.equal(String(q), "<Queue maxsize=1 _queue=[2] tasks=2>");
    });
  });

  Deno.test(`Queue.join() waits for every taskDone() with several consumers [${form}]`, async () => {
    const q = new Queue<number>();
    const done: string[] = [];
    async function consumerA(name: string) {
      for (;;) {
        const n = await q.get();
        await sleep(n);
        done.push(`${name}:${n}`);
        q.taskDone();
      }
    }
    function* consumerG(name: string) {
      for (;;) {
        const n = yield* q.get();
        yield* sleep(n);
        done.push(`${name}:${n}`);
        q.taskDone();
      }
    }
    const at = await main(async (loop) => {
      const consumers = ["a", "b"].map((name) =>
        taskOf(form, () => consumerA(name), () => consumerG(name))
      );
      for (const n of [3, 1, 1, 2]) q.putNowait(n);
      await q.join();
      for (const c of consumers) c.cancel();
      return loop.time();
    });
    assert.deepEqual(done, ["b:1", "b:1", "a:3", "b:2"]);
    assert.equal(at, 4);
  });

  Deno.test(`Queue.shutdown() wakes waiting getters and putters with QueueShutDown [${form}]`, async () => {
    const outcomes: string[] = [];
    async function waitA(w: () => Waitable<unknown>, name: string) {
      try {
        outcomes.push(`${name} ${await w()}`);
      } catch (e) {
        outcomes.push(`${name} ${errorName(e)}`);
      }
    }
    function* waitG(w: () => Waitable<unknown>, name: string) {
      try {
        outcomes.push(`${name} ${yield* w()}`);
      } catch (e) {
        outcomes.push(`${name} ${errorName(e)}`);
      }
    }
    await main(async () => {
      const spawn = (w: () => Waitable<unknown>, name: string) =>
        taskOf(form, () => waitA(w, name), () => waitG(w, name));
      const empty = new Queue<number>();
      const full = new Queue<number>({ maxsize: 1 });
      full.putNowait(7);
      const tasks = [
        spawn(() => empty.get(), "get"),
        spawn(() => full.put(8), "put"),
        spawn(() => full.join(), "join"),
      ];
      await sleep(0);
      empty.shutdown();
      full.shutdown();
      await sleep(0);
      // The item left is still handed out, then gets fail too.
      tasks.push(spawn(() => full.get(), "get-left"));
      tasks.push(spawn(() => full.get(), "get-after"));
      await sleep(0);
      full.taskDone();
      await gather(tasks);
    });
    assert.deepEqual(outcomes, [
      "get QueueShutDown",
      "put QueueShutDown",
      "get-left 7",
      "get-after QueueShutDown",
      "join undefined",
    ]);
  });
}

Deno.test("Queue.shutdown(true) drops the items, marks them done and releases join()", async () => {
  await main(async () => {
    const q = new Queue<number>();
    for (let i = 0; i < 3; i++) q.putNowait(i);
    q.getNowait(); // taken, not marked done
    const joiner = createTask(q.join());
    await sleep(0);
    q.shutdown(true);
    assert.equal(String(q), "<Queue maxsize=0 tasks=1 shutdown>");
    await sleep(0);
    assert.equal(joiner.done(), false);
    q.taskDone();
    await joiner;
    assert.throws(() => q.getNowait(), QueueShutDown);
    assert.throws(() => q.putNowait(1), QueueShutDown);
  });
});

Deno.test("Queue: a getter cancelled while waiting leaves the getters, and waitFor() times out", async () => {
  await main(async () => {
    const q = new Queue<string>();
    await assert.rejects(() => waitFor(q.get(), 0.5), TimeoutError);
    assert.equal(String(q), "<Queue maxsize=0>");
    q.putNowait("z");
    assert.equal(await waitFor(q.get(), 1), "z");
  });
});

Deno.test("Queue: methods that do not wait work from plain callbacks", async () => {
  const q = new Queue<number>();
  const log: string[] = [];
  await main(async (loop) => {
    loop.callSoon(() => q.putNowait(1));
    loop.callSoon(() => log.push(`got ${q.getNowait()}`));
    loop.callSoon(() => q.taskDone());
    loop.callLater(1, () => q.putNowait(2));
    log.push(`waited for ${await q.get()} until ${loop.time()}`);
  });
  assert.deepEqual(log, ["got 1", "waited for 2 until 1"]);
});

Deno.test("Queue is bound to the loop it first waited on", async () => {
  const q = new Queue<number>();
  await main(async (loop) => {
    loop.callSoon(() => q.putNowait(1));
    assert.equal(await q.get(), 1);
  });
  await main(async () => {
    // Not waiting: no check.
    q.putNowait(2);
    assert.equal(await q.get(), 2);
    await assert.rejects(async () => await q.get(), {
      message: "<Queue maxsize=0 tasks=2> is bound to a different event loop",
    });
  });
});

Deno.test("Queue: waitables run as tasks and in gather(), lazily", async () => {
  await main(async () => {
    const q = new Queue<number>();
    const results = gather([q.get(), q.get(), q.put(1), q.put(2)]);
    assert.equal(q.qsize(), 0);
    assert.deepEqual(await results, [1, 2, undefined, undefined]);
    const task = createTask(q.get());
    await sleep(0);
    q.putNowait(3);
    assert.equal(await task, 3);
  });
});

Deno.test("Queue: generator tasks get items that are thenables as they are", async () => {
  const same = await genMain(function* (loop) {
    const q = new Queue<Future<number>>();
    const future = loop.createFuture<number>();
    q.putNowait(future);
    const got = yield* q.get();
    return got === future && got instanceof Future && !got.done();
  });
  assert.equal(same, true);
});

Deno.test("Queue: for await takes items until shut down, calling taskDone() after each body", async () => {
  const log: string[] = [];
  await main(async () => {
    const q = new Queue<number>({ maxsize: 1 });
    const consumer = createTask(async () => {
      for await (const item of q) {
        log.push(`body ${item}, unfinished ${String(q).includes("tasks=")}`);
        await sleep(1);
      }
      log.push("loop ended");
    });
    for (const i of [1, 2, 3]) await q.put(i);
    await q.join();
    log.push("joined");
    q.shutdown();
    await consumer;
  });
  assert.deepEqual(log, [
    "body 1, unfinished true",
    "body 2, unfinished true",
    "body 3, unfinished true",
    "joined",
    "loop ended",
  ]);
});

Deno.test("Queue: for await calls taskDone() when left by break or throw", async () => {
  await main(async () => {
    const q = new Queue<number>();
    for (const i of [1, 2, 3]) q.putNowait(i);
    for await (const item of q) {
      if (item === 1) break;
    }
    assert.equal(String(q), "<Queue maxsize=0 _queue=[2, 3] tasks=2>");
    await assert.rejects(async () => {
      for await (const item of q) {
        throw new Error(`stop at ${item}`);
      }
    }, { message: "stop at 2" });
    assert.equal(String(q), "<Queue maxsize=0 _queue=[3] tasks=1>");
    // Items are not awaited: a queue of futures yields the futures.
    const futures = new Queue<{ value: number }>();
    futures.putNowait({ value: 1 });
    futures.shutdown();
    const seen: unknown[] = [];
    for await (const item of futures) seen.push(item);
    assert.deepEqual(seen, [{ value: 1 }]);
  });
});

Deno.test("Queue: cancelling a for await loop's task leaves the queue consistent", async () => {
  await main(async () => {
    const q = new Queue<number>();
    const seen: number[] = [];
    const consumer = createTask(async () => {
      for await (const item of q) seen.push(item);
    });
    q.putNowait(1);
    await sleep(0);
    await sleep(0);
    consumer.cancel();
    await assert.rejects(async () => await consumer, CancelledError);
    assert.deepEqual(seen, [1]);
    assert.equal(String(q), "<Queue maxsize=0>");
    q.putNowait(2);
    assert.equal(q.getNowait(), 2);
  });
});

Deno.test("PriorityQueue and LifoQueue wait like Queue [generator]", async () => {
  const got = await genMain(function* () {
    const p = new PriorityQueue<number>({ maxsize: 2 });
    const l = new LifoQueue<number>({ maxsize: 2 });
    const getter = createTask(p.get());
    yield* sleep(0);
    yield* p.put(5);
    const out: number[] = [yield* getter];
    for (const n of [3, 1]) yield* p.put(n);
    const putter = createTask(p.put(2));
    yield* sleep(0);
    out.push(yield* p.get(), yield* p.get(), yield* p.get());
    yield* putter;
    for (const n of [1, 2]) yield* l.put(n);
    out.push(yield* l.get(), yield* l.get());
    return out;
  });
  assert.deepEqual(got, [5, 1, 3, 2, 2, 1]);
});
