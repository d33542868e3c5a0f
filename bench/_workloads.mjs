// @ts-check
/**
 * The six benchmark workloads of issue 5, written once in plain JavaScript so
 * that Deno (bench/workloads.ts, on ../mod.ts) and Node (bench/node_workloads.mjs,
 * on the npm build's mod.js) run the very same bodies. The library comes in
 * as a parameter (`lib`, a module namespace), so swapping the implementation
 * is swapping one import in the runner.
 *
 * Each workload times only the part the issue names (scheduling and running),
 * not the loop's creation or close(), checks its own result, and returns the
 * timed seconds. bench/asyncio_workloads.py holds the same six for CPython.
 *
 * @module
 */

/** @typedef {typeof import("./impl.ts")} Lib */
/** @typedef {import("./impl.ts").EventLoop} EventLoop */
/** @typedef {import("./impl.ts").Future<number>} NumberFuture */

/**
 * @typedef {object} Workload
 * @property {number} n The N.
 * @property {(lib: Lib, n: number) => Promise<number | null>} run Runs once;
 *   the timed seconds, or `null` if the library lacks what it needs.
 */

/**
 * What the self-checks found wrong. A run with problems is still timed and
 * reported, with `"ok": false` and an `"error"`; the runners then exit 1.
 *
 * @type {string[]}
 */
const problems = [];

/**
 * @param {boolean} ok
 * @param {string} message
 */
function check(ok, message) {
  if (!ok) problems.push(message);
}

const now = () => performance.now() / 1000;

/**
 * callsoon_batch: schedule N callbacks (each increments a counter) before
 * running, then run until all have run.
 *
 * @param {Lib} lib
 * @param {number} n
 */
async function callsoonBatch(lib, n) {
  const loop = new lib.EventLoop();
  let count = 0;
  const increment = () => {
    count++;
  };
  const start = now();
  for (let i = 0; i < n; i++) loop.callSoon(increment);
  loop.callSoon(() => loop.stop());
  await loop.runForever();
  const seconds = now() - start;
  loop.close();
  check(count === n, `callsoon_batch ran ${count} callbacks, expected ${n}`);
  return seconds;
}

/**
 * callsoon_chain: one callback reschedules itself until it has run N times.
 *
 * @param {Lib} lib
 * @param {number} n
 */
async function callsoonChain(lib, n) {
  const loop = new lib.EventLoop();
  let count = 0;
  const step = () => {
    if (++count < n) loop.callSoon(step);
    else loop.stop();
  };
  const start = now();
  loop.callSoon(step);
  await loop.runForever();
  const seconds = now() - start;
  loop.close();
  check(count === n, `callsoon_chain ran ${count} times, expected ${n}`);
  return seconds;
}

/**
 * future_lifecycle: N times create a future, add one done callback, set its
 * result; run until all callbacks ran.
 *
 * @param {Lib} lib
 * @param {number} n
 */
async function futureLifecycle(lib, n) {
  const loop = new lib.EventLoop();
  let count = 0;
  let total = 0;
  /** @param {NumberFuture} future */
  const onDone = (future) => {
    count++;
    total += future.result();
  };
  const start = now();
  for (let i = 0; i < n; i++) {
    const future = loop.createFuture();
    future.addDoneCallback(onDone);
    future.setResult(i);
  }
  loop.callSoon(() => loop.stop());
  await loop.runForever();
  const seconds = now() - start;
  loop.close();
  check(count === n, `future_lifecycle ran ${count} callbacks, expected ${n}`);
  check(
    total === n * (n - 1) / 2,
    `future_lifecycle summed ${total}, expected ${n * (n - 1) / 2}`,
  );
  return seconds;
}

/**
 * await_pingpong: two tasks pass a counter back and forth N times, each
 * awaiting a fresh future that the other resolves.
 *
 * @param {Lib} lib
 * @param {number} n
 */
async function awaitPingpong(lib, n) {
  const loop = new lib.EventLoop();
  /** @type {NumberFuture[]} */
  const waiting = [];
  let handoffs = 0;
  /** @param {0 | 1} me */
  async function player(me) {
    const other = 1 - me;
    for (;;) {
      const future = loop.createFuture();
      waiting[me] = future;
      const value = await future;
      if (value < 0) return value;
      if (value >= n) {
        waiting[other]?.setResult(-1);
        return value;
      }
      handoffs++;
      waiting[other]?.setResult(value + 1);
    }
  }
  const start = now();
  const results = await loop.runUntilComplete(async () => {
    const a = loop.createTask(() => player(0));
    const b = loop.createTask(() => player(1));
    loop.callSoon(() => waiting[0]?.setResult(0));
    return [await a, await b];
  });
  const seconds = now() - start;
  loop.close();
  check(handoffs === n, `await_pingpong made ${handoffs} hand-offs, not ${n}`);
  check(
    results.includes(n) && results.includes(-1),
    `await_pingpong ended with ${results}, expected ${n} and -1`,
  );
  return seconds;
}

/**
 * await_pingpong with generator tasks: the same two players, written as
 * asyncio's generator coroutines (`yield* future`), stepped by the loop.
 *
 * @param {Lib} lib
 * @param {number} n
 */
async function awaitPingpongGen(lib, n) {
  const loop = new lib.EventLoop();
  /** @type {NumberFuture[]} */
  const waiting = [];
  let handoffs = 0;
  /**
   * @param {0 | 1} me
   * @returns {Generator<unknown, number, unknown>}
   */
  function* player(me) {
    const other = 1 - me;
    for (;;) {
      const future = loop.createFuture();
      waiting[me] = future;
      const value = yield* future;
      if (value < 0) return value;
      if (value >= n) {
        waiting[other]?.setResult(-1);
        return value;
      }
      handoffs++;
      waiting[other]?.setResult(value + 1);
    }
  }
  const start = now();
  const results = await loop.runUntilComplete(function* () {
    const a = loop.createTask(player(0));
    const b = loop.createTask(player(1));
    loop.callSoon(() => waiting[0]?.setResult(0));
    return [yield* a, yield* b];
  });
  const seconds = now() - start;
  loop.close();
  check(handoffs === n, `await_pingpong made ${handoffs} hand-offs, not ${n}`);
  check(
    results.includes(n) && results.includes(-1),
    `await_pingpong ended with ${results}, expected ${n} and -1`,
  );
  return seconds;
}

/**
 * The least an `await` hand-off costs here: a value that one `async`
 * function sets and the other awaits, as a future does, with nothing else. A
 * settle-once thenable: `then(resolve)` keeps `resolve`, or calls it at once
 * if the value came first (V8 calls `then()` one microtask after the
 * `await`, and the other player may have set the value by then).
 */
export class Baton {
  constructor() {
    /** @type {((value: number) => void) | undefined} */
    this.resolve = undefined;
    this.value = 0;
    this.set = false;
  }

  /** @param {(value: number) => void} resolve */
  then(resolve) {
    if (this.set) resolve(this.value);
    else this.resolve = resolve;
  }

  /** @param {number} value */
  setResult(value) {
    if (this.resolve !== undefined) this.resolve(value);
    else {
      this.value = value;
      this.set = true;
    }
  }
}

/**
 * floor_pingpong: await_pingpong with no event loop, the floor it is measured
 * against. Two `async` functions pass a counter back and forth N times, each
 * awaiting a fresh {@linkcode Baton} that the other sets; the same players,
 * the same checks. The library is not used (CPython has no counterpart).
 *
 * @param {Lib} _lib
 * @param {number} n
 */
async function floorPingpong(_lib, n) {
  /** @type {Baton[]} */
  const waiting = [];
  let handoffs = 0;
  /** @param {0 | 1} me */
  async function player(me) {
    const other = 1 - me;
    for (;;) {
      const baton = new Baton();
      waiting[me] = baton;
      const value = await baton;
      if (value < 0) return value;
      if (value >= n) {
        waiting[other]?.setResult(-1);
        return value;
      }
      handoffs++;
      waiting[other]?.setResult(value + 1);
    }
  }
  const start = now();
  const a = player(0);
  const b = player(1);
  waiting[0]?.setResult(0);
  const results = [await a, await b];
  const seconds = now() - start;
  check(handoffs === n, `floor_pingpong made ${handoffs} hand-offs, not ${n}`);
  check(
    results.includes(n) && results.includes(-1),
    `floor_pingpong ended with ${results}, expected ${n} and -1`,
  );
  return seconds;
}

/**
 * timers_expired: schedule N timers with `callAt(now - r)`, r from a fixed
 * LCG in [0, 1) (all due, random order), cancel every second one, run, and
 * verify they ran in non-decreasing `when` order.
 *
 * The LCG is Park and Miller's minimal standard (x * 48271 mod 2^31 - 1,
 * seed 1), exact in doubles, so Python draws the same numbers.
 *
 * @param {Lib} lib
 * @param {number} n
 */
async function timersExpired(lib, n) {
  const loop = new lib.EventLoop();
  const whens = new Float64Array(n);
  let ran = 0;
  let last = -Infinity;
  let wrong = 0;
  /** @param {number} i */
  const fire = (i) => {
    const when = whens[i] ?? NaN;
    if (when < last || (i & 1) === 1) wrong++;
    last = when;
    ran++;
  };
  let seed = 1;
  const start = now();
  const base = loop.time();
  /** @type {Array<{ cancel(): void }>} */
  const handles = new Array(n);
  for (let i = 0; i < n; i++) {
    seed = (seed * 48271) % 2147483647;
    const when = base - (seed - 1) / 2147483646;
    whens[i] = when;
    handles[i] = loop.callAt(when, fire, i);
  }
  for (let i = 1; i < n; i += 2) handles[i]?.cancel();
  loop.callSoon(() => loop.stop());
  await loop.runForever();
  const seconds = now() - start;
  loop.close();
  check(ran === (n + 1) >> 1, `timers_expired ran ${ran} timers`);
  check(wrong === 0, `timers_expired: ${wrong} timers out of order/cancelled`);
  return seconds;
}

/**
 * gather_sleep0: gather N tasks that each `await sleep(0)` twice and return
 * their index. Needs `sleep` and `gather` (issue 4): `null` without them.
 *
 * @param {Lib} lib
 * @param {number} n
 */
async function gatherSleep0(lib, n) {
  const api = /** @type {Record<string, unknown>} */ (lib);
  if (typeof api.sleep !== "function" || typeof api.gather !== "function") {
    return null;
  }
  const sleep = /** @type {(delay: number) => PromiseLike<void>} */ (api.sleep);
  const gather =
    /** @type {(tasks: unknown[]) => PromiseLike<unknown[]>} */ (api.gather);
  const loop = new lib.EventLoop();
  /** @param {number} i */
  async function work(i) {
    await sleep(0);
    await sleep(0);
    return i;
  }
  const start = now();
  const results = await loop.runUntilComplete(async () => {
    const tasks = new Array(n);
    for (let i = 0; i < n; i++) tasks[i] = loop.createTask(() => work(i));
    return await gather(tasks);
  });
  const seconds = now() - start;
  loop.close();
  check(results.length === n, `gather_sleep0 gave ${results.length} results`);
  for (let i = 0; i < n; i++) {
    check(results[i] === i, `gather_sleep0 result ${i} is ${results[i]}`);
  }
  return seconds;
}

/**
 * gather_sleep0 with generator tasks: each task is a generator coroutine
 * that does `yield* sleep(0)` twice.
 *
 * @param {Lib} lib
 * @param {number} n
 */
async function gatherSleep0Gen(lib, n) {
  const api = /** @type {Record<string, unknown>} */ (lib);
  if (typeof api.sleep !== "function" || typeof api.gather !== "function") {
    return null;
  }
  const { sleep, gather } = lib;
  const loop = new lib.EventLoop();
  /**
   * @param {number} i
   * @returns {Generator<unknown, number, unknown>}
   */
  function* work(i) {
    yield* sleep(0);
    yield* sleep(0);
    return i;
  }
  const start = now();
  const results = await loop.runUntilComplete(function* () {
    const tasks = new Array(n);
    for (let i = 0; i < n; i++) tasks[i] = loop.createTask(work(i));
    return yield* gather(tasks);
  });
  const seconds = now() - start;
  loop.close();
  check(results.length === n, `gather_sleep0 gave ${results.length} results`);
  for (let i = 0; i < n; i++) {
    check(results[i] === i, `gather_sleep0 result ${i} is ${results[i]}`);
  }
  return seconds;
}

/**
 * queue_producer_consumer: one producer task puts N items into a queue of
 * maxsize 100, one consumer task gets them and marks each done
 * (`taskDone()`), and the main task joins the queue. Needs `Queue` (issue
 * 14): `null` without it.
 *
 * @param {Lib} lib
 * @param {number} n
 */
async function queueProducerConsumer(lib, n) {
  const api = /** @type {Record<string, unknown>} */ (lib);
  if (typeof api.Queue !== "function") return null;
  const loop = new lib.EventLoop();
  /** @type {import("./impl.ts").Queue<number>} */
  const queue = new lib.Queue({ maxsize: 100 });
  let sum = 0;
  async function producer() {
    for (let i = 0; i < n; i++) await queue.put(i);
  }
  async function consumer() {
    for (let i = 0; i < n; i++) {
      sum += await queue.get();
      queue.taskDone();
    }
  }
  const start = now();
  await loop.runUntilComplete(async () => {
    const tasks = [loop.createTask(producer), loop.createTask(consumer)];
    await queue.join();
    for (const task of tasks) await task;
  });
  const seconds = now() - start;
  loop.close();
  check(
    sum === n * (n - 1) / 2,
    `queue_producer_consumer summed ${sum}, expected ${n * (n - 1) / 2}`,
  );
  return seconds;
}

/**
 * queue_producer_consumer with generator tasks (`yield* queue.put(i)`,
 * `yield* queue.get()`).
 *
 * @param {Lib} lib
 * @param {number} n
 */
async function queueProducerConsumerGen(lib, n) {
  const api = /** @type {Record<string, unknown>} */ (lib);
  if (typeof api.Queue !== "function") return null;
  const loop = new lib.EventLoop();
  /** @type {import("./impl.ts").Queue<number>} */
  const queue = new lib.Queue({ maxsize: 100 });
  let sum = 0;
  /** @returns {Generator<unknown, void, unknown>} */
  function* producer() {
    for (let i = 0; i < n; i++) yield* queue.put(i);
  }
  /** @returns {Generator<unknown, void, unknown>} */
  function* consumer() {
    for (let i = 0; i < n; i++) {
      sum += yield* queue.get();
      queue.taskDone();
    }
  }
  const start = now();
  await loop.runUntilComplete(function* () {
    const tasks = [loop.createTask(producer()), loop.createTask(consumer())];
    yield* queue.join();
    for (const task of tasks) yield* task;
  });
  const seconds = now() - start;
  loop.close();
  check(
    sum === n * (n - 1) / 2,
    `queue_producer_consumer summed ${sum}, expected ${n * (n - 1) / 2}`,
  );
  return seconds;
}

/**
 * lock_turns: 100 tasks take turns on one `Lock`, N acquisitions in all;
 * each holds it across one `sleep(0)`, so 99 tasks wait in its queue. Needs
 * `Lock` (issue 14): `null` without it.
 *
 * @param {Lib} lib
 * @param {number} n
 */
async function lockTurns(lib, n) {
  const api = /** @type {Record<string, unknown>} */ (lib);
  if (typeof api.Lock !== "function") return null;
  const loop = new lib.EventLoop();
  const lock = new lib.Lock();
  const each = Math.max(1, Math.floor(n / LOCK_TASKS));
  let turns = 0;
  async function user() {
    for (let i = 0; i < each; i++) {
      await lock.acquire();
      try {
        turns++;
        await lib.sleep(0);
      } finally {
        lock.release();
      }
    }
  }
  const start = now();
  await loop.runUntilComplete(async () => {
    const tasks = [];
    for (let t = 0; t < LOCK_TASKS; t++) tasks.push(loop.createTask(user));
    for (const task of tasks) await task;
  });
  const seconds = now() - start;
  loop.close();
  check(turns === each * LOCK_TASKS, `lock_turns made ${turns} turns`);
  return seconds * n / (each * LOCK_TASKS);
}

/**
 * lock_turns with generator tasks (`yield* lock.acquire()`, a bare `yield`).
 *
 * @param {Lib} lib
 * @param {number} n
 */
async function lockTurnsGen(lib, n) {
  const api = /** @type {Record<string, unknown>} */ (lib);
  if (typeof api.Lock !== "function") return null;
  const loop = new lib.EventLoop();
  const lock = new lib.Lock();
  const each = Math.max(1, Math.floor(n / LOCK_TASKS));
  let turns = 0;
  /** @returns {Generator<unknown, void, unknown>} */
  function* user() {
    for (let i = 0; i < each; i++) {
      yield* lock.acquire();
      try {
        turns++;
        yield;
      } finally {
        lock.release();
      }
    }
  }
  const start = now();
  await loop.runUntilComplete(function* () {
    const tasks = [];
    for (let t = 0; t < LOCK_TASKS; t++) tasks.push(loop.createTask(user()));
    for (const task of tasks) yield* task;
  });
  const seconds = now() - start;
  loop.close();
  check(turns === each * LOCK_TASKS, `lock_turns made ${turns} turns`);
  return seconds * n / (each * LOCK_TASKS);
}

/**
 * tasks_done: create N tasks whose code returns at once (no await), then
 * await each; `eager_done` is the same with `eagerTaskFactory` (Python 3.12's
 * eager tasks), where such a task runs inside `createTask()` and is never
 * scheduled. Needs `eagerTaskFactory` for the eager variant: `null` without.
 *
 * @param {Lib} lib
 * @param {number} n
 * @param {boolean} eager
 */
async function tasksDone(lib, n, eager) {
  const api = /** @type {Record<string, unknown>} */ (lib);
  if (eager && api.eagerTaskFactory === undefined) return null;
  const loop = new lib.EventLoop();
  if (eager) loop.setTaskFactory(lib.eagerTaskFactory);
  let ran = 0;
  /** @param {number} i */
  // deno-lint-ignore require-await
  async function work(i) {
    ran++;
    return i;
  }
  const start = now();
  const total = await loop.runUntilComplete(async () => {
    const tasks = new Array(n);
    for (let i = 0; i < n; i++) tasks[i] = loop.createTask(() => work(i));
    let sum = 0;
    for (const task of tasks) sum += await task;
    return sum;
  });
  const seconds = now() - start;
  loop.close();
  const name = eager ? "eager_done" : "tasks_done";
  check(ran === n, `${name} ran ${ran} tasks, expected ${n}`);
  check(total === n * (n - 1) / 2, `${name} summed ${total}`);
  return seconds;
}

/**
 * tasks_done and eager_done with generator tasks: each task is a generator
 * coroutine that returns at once.
 *
 * @param {Lib} lib
 * @param {number} n
 * @param {boolean} eager
 */
async function tasksDoneGen(lib, n, eager) {
  const api = /** @type {Record<string, unknown>} */ (lib);
  if (eager && api.eagerTaskFactory === undefined) return null;
  const loop = new lib.EventLoop();
  if (eager) loop.setTaskFactory(lib.eagerTaskFactory);
  let ran = 0;
  /**
   * @param {number} i
   * @returns {Generator<unknown, number, unknown>}
   */
  // deno-lint-ignore require-yield
  function* work(i) {
    ran++;
    return i;
  }
  const start = now();
  const total = await loop.runUntilComplete(function* () {
    const tasks = new Array(n);
    for (let i = 0; i < n; i++) tasks[i] = loop.createTask(work(i));
    let sum = 0;
    for (const task of tasks) sum += yield* task;
    return sum;
  });
  const seconds = now() - start;
  loop.close();
  const name = eager ? "eager_done" : "tasks_done";
  check(ran === n, `${name} ran ${ran} tasks, expected ${n}`);
  check(total === n * (n - 1) / 2, `${name} summed ${total}`);
  return seconds;
}

/** How many tasks take turns on the lock in lock_turns. */
const LOCK_TASKS = 100;

/** Warm-up runs go on until this much time has passed (and N ops ran). */
const WARMUP_SECONDS = 1;
/** ... or this many runs. */
const MAX_WARMUP_RUNS = 20;

/** @type {Record<string, Workload>} */
export const WORKLOADS = {
  "callsoon_batch": { n: 1_000_000, run: callsoonBatch },
  "callsoon_chain": { n: 1_000_000, run: callsoonChain },
  "future_lifecycle": { n: 500_000, run: futureLifecycle },
  "await_pingpong": { n: 200_000, run: awaitPingpong },
  "floor_pingpong": { n: 200_000, run: floorPingpong },
  "timers_expired": { n: 500_000, run: timersExpired },
  "gather_sleep0": { n: 100_000, run: gatherSleep0 },
  "queue_producer_consumer": { n: 200_000, run: queueProducerConsumer },
  "lock_turns": { n: 100_000, run: lockTurns },
  "tasks_done": { n: 200_000, run: (lib, n) => tasksDone(lib, n, false) },
  "eager_done": { n: 200_000, run: (lib, n) => tasksDone(lib, n, true) },
};

/**
 * The workloads with tasks, written with generator tasks (`--tasks
 * generator`): the same work, the same checks.
 *
 * @type {Record<string, Workload>}
 */
export const GENERATOR_WORKLOADS = {
  "await_pingpong": { n: 200_000, run: awaitPingpongGen },
  "gather_sleep0": { n: 100_000, run: gatherSleep0Gen },
  "queue_producer_consumer": { n: 200_000, run: queueProducerConsumerGen },
  "lock_turns": { n: 100_000, run: lockTurnsGen },
  "tasks_done": { n: 200_000, run: (lib, n) => tasksDoneGen(lib, n, false) },
  "eager_done": { n: 200_000, run: (lib, n) => tasksDoneGen(lib, n, true) },
};

/**
 * Runs `name` at size `n`: warm-up runs of the same size until at least
 * `warmupOps` operations (and at least one run) and at least one second (or
 * 20 runs), then `runs` timed runs; the median timed run is reported.
 *
 * @param {Lib} lib
 * @param {string} impl
 * @param {string} name
 * @param {{ n?: number, runs?: number, warmupOps?: number,
 *   warmupSeconds?: number, generator?: boolean }} [options]
 *   `warmupSeconds`: the least warm-up time (default 1 s; 0 for one run);
 *   `generator`: the variant with generator tasks, where there is one.
 * @returns {Promise<Record<string, unknown>>} The JSON line's fields; `ok`
 *   is `false` if a self-check failed.
 */
export async function runWorkload(lib, impl, name, options = {}) {
  const workload =
    (options.generator ? GENERATOR_WORKLOADS[name] : undefined) ??
      WORKLOADS[name];
  if (workload === undefined) {
    throw new Error(
      `Unknown workload ${JSON.stringify(name)}; expected one of ${
        Object.keys(WORKLOADS).join(", ")
      }`,
    );
  }
  const n = options.n ?? workload.n;
  const runs = options.runs ?? 1;
  const warmupOps = options.warmupOps ?? n;
  const warmupSeconds = options.warmupSeconds ?? WARMUP_SECONDS;
  // Warm up to a steady state: at least `warmupOps` operations (one run by
  // default) and at least WARMUP_SECONDS of running, since a workload that
  // runs for 50 ms is timed before V8's optimizing tiers have compiled it.
  let warmed = 0;
  let warmups = 0;
  const warmStart = now();
  do {
    if (await workload.run(lib, n) === null) {
      return { workload: name, impl, ops: n, skipped: true };
    }
    warmed += n;
    warmups++;
  } while (
    warmed < warmupOps ||
    (now() - warmStart < warmupSeconds && warmups < MAX_WARMUP_RUNS)
  );
  /** @type {number[]} */
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(/** @type {number} */ (await workload.run(lib, n)));
  }
  times.sort((x, y) => x - y);
  const seconds = times[(times.length - 1) >> 1] ?? NaN;
  return {
    workload: name,
    impl,
    ops: n,
    seconds: Number(seconds.toPrecision(6)),
    "ops_per_sec": Math.round(n / seconds),
    ...(runs > 1 ? { runs } : {}),
    ...(problems.length > 0 ? { ok: false, error: problems[0] } : {}),
  };
}

/**
 * Bytes of heap per live object of each kind, measured as the growth of the
 * V8 heap (after full GCs) over `count` live objects:
 *
 * - `handle`: a pending `callSoon` handle, held only by the ready queue
 *   (the queue's slot included, as asyncio's deque slot is).
 * - `future`: a pending future with no callbacks, held in a preallocated
 *   array (the 8-byte slot included, as in Python's list).
 * - `task`: a task suspended on a shared pending future (its `await`
 *   registration included), held in a preallocated array.
 * - `task-gen`: the same with a generator task (`yield* shared`).
 * - `queue-get`, `queue-get-gen`: a task (async function, generator)
 *   suspended in `queue.get()` on one empty {@linkcode Queue}, its getter
 *   and its place among the queue's getters included.
 *
 * @param {Lib} lib
 * @param {string} kind
 * @param {{ count: number, gc: () => void, heapUsed: () => number }} env
 * @returns {Promise<number>} Bytes per object.
 */
export async function measureMemory(lib, kind, { count, gc, heapUsed }) {
  const loop = new lib.EventLoop();
  const noop = () => {};
  // Let the ready queue reach its size first, so that the task case does not
  // count the capacity the queue keeps after its task steps ran.
  for (let i = 0; i < count; i++) loop.callSoon(noop);
  loop.stop();
  await loop.runForever();
  /** @type {unknown[]} */
  const keep = new Array(count).fill(null);
  const shared = loop.createFuture();
  // Tasks waiting in get() on one empty queue (the `queue-get` kinds).
  const queue = /** @type {import("./impl.ts").Queue<number>} */ (
    kind.startsWith("queue-get") ? new lib.Queue() : undefined
  );
  const fullGc = () => {
    for (let i = 0; i < 3; i++) gc();
  };
  let before;
  switch (kind) {
    case "handle":
      fullGc();
      before = heapUsed();
      for (let i = 0; i < count; i++) loop.callSoon(noop);
      break;
    case "future":
      fullGc();
      before = heapUsed();
      for (let i = 0; i < count; i++) keep[i] = loop.createFuture();
      break;
    case "task": {
      const waiter = async () => {
        await shared;
      };
      fullGc();
      before = heapUsed();
      for (let i = 0; i < count; i++) keep[i] = loop.createTask(waiter);
      // One iteration: every task starts and suspends on `shared`.
      loop.stop();
      await loop.runForever();
      break;
    }
    case "task-gen": {
      /** @returns {Generator<unknown, void, unknown>} */
      const waiter = function* () {
        yield* shared;
      };
      fullGc();
      before = heapUsed();
      for (let i = 0; i < count; i++) keep[i] = loop.createTask(waiter());
      loop.stop();
      await loop.runForever();
      break;
    }
    case "queue-get": {
      const waiter = async () => {
        await queue.get();
      };
      fullGc();
      before = heapUsed();
      for (let i = 0; i < count; i++) keep[i] = loop.createTask(waiter);
      loop.stop();
      await loop.runForever();
      break;
    }
    case "queue-get-gen": {
      /** @returns {Generator<unknown, void, unknown>} */
      const waiter = function* () {
        yield* queue.get();
      };
      fullGc();
      before = heapUsed();
      for (let i = 0; i < count; i++) keep[i] = loop.createTask(waiter());
      loop.stop();
      await loop.runForever();
      break;
    }
    default:
      throw new Error(`Unknown memory kind ${JSON.stringify(kind)}`);
  }
  fullGc();
  const bytes = (heapUsed() - before) / count;
  if (kind !== "handle" && kind !== "future") {
    const tasks = /** @type {Array<{ done(): boolean }>} */ (keep);
    if (tasks.some((task) => task.done())) {
      throw new Error("memory/task: a task finished early");
    }
  }
  // Let the tasks finish, as a tidy program would.
  shared.setResult(0);
  for (let i = 0; i < count && kind.startsWith("queue-get"); i++) {
    queue.putNowait(i);
  }
  loop.stop();
  await loop.runForever();
  loop.close();
  return bytes;
}

/**
 * Prints one JSON line per kind of object (handle, future, task) with the
 * bytes each costs while alive, as both runners' `memory` command does.
 *
 * @param {Lib} lib The library's module.
 * @param {string} impl The implementation's name for the JSON lines.
 * @param {{ count: number, gc: () => void, heapUsed: () => number }} host
 */
export async function printMemory(lib, impl, host) {
  const kinds = ["handle", "future", "task", "task-gen"];
  // The queues came with issue 14; an older library has none.
  if (
    typeof (/** @type {Record<string, unknown>} */ (lib)).Queue === "function"
  ) {
    kinds.push("queue-get", "queue-get-gen");
  }
  for (const kind of kinds) {
    const bytes = await measureMemory(lib, kind, host);
    console.log(JSON.stringify({
      memory: kind,
      impl,
      count: host.count,
      "bytes_per_object": Math.round(bytes * 10) / 10,
    }));
  }
}

/**
 * @param {string | undefined} text
 * @param {string} what
 * @returns {number}
 */
function parseCount(text, what) {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(
      `Expected ${what} to be a positive integer, got ${text}`,
    );
  }
  return value;
}

/**
 * The command line that both runners (Deno and Node) share:
 * `<workload> [N] [--runs K] [--warmup-ops W]` prints one workload's JSON
 * line, `memory [COUNT]` the bytes per live object.
 *
 * @param {string[]} args The arguments after the runner's own.
 * @param {{ lib: Lib, impl: string, usage: string, gcHint: string,
 *   heapUsed: () => number }} host What differs between the runtimes.
 * @returns {Promise<number>} The exit code.
 */
export async function runCli(args, { lib, impl, usage, gcHint, heapUsed }) {
  /** @type {string[]} */
  const positional = [];
  /** @type {{ n?: number, runs?: number, warmupOps?: number,
   *   warmupSeconds?: number, generator?: boolean }} */
  const options = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--runs") options.runs = parseCount(args[++i], "--runs");
    else if (arg === "--warmup-seconds") {
      const seconds = Number(args[++i]);
      if (!(seconds >= 0)) {
        console.error(`--warmup-seconds expects seconds, got ${args[i]}`);
        return 2;
      }
      options.warmupSeconds = seconds;
    } else if (arg === "--tasks") {
      const style = args[++i];
      if (style !== "async" && style !== "generator") {
        console.error(`--tasks expects async or generator, got ${style}`);
        return 2;
      }
      options.generator = style === "generator";
    } else if (arg === "--warmup-ops") {
      options.warmupOps = parseCount(args[++i], "--warmup-ops");
    } else if (arg === "-h" || arg === "--help") {
      console.log(usage);
      return 0;
    } else positional.push(String(arg));
  }
  const [name, size] = positional;
  if (name === undefined) {
    console.error(usage);
    return 2;
  }
  if (name === "memory") {
    const gc = /** @type {{ gc?: () => void }} */ (globalThis).gc;
    if (gc === undefined) {
      console.error(`memory needs ${gcHint}`);
      return 2;
    }
    const count = size === undefined ? 100_000 : parseCount(size, "COUNT");
    await printMemory(lib, impl, { count, gc, heapUsed });
    return 0;
  }
  if (size !== undefined) options.n = parseCount(size, "N");
  const result = await runWorkload(
    lib,
    options.generator ? `${impl}-gen` : impl,
    name,
    options,
  );
  console.log(JSON.stringify(result));
  if (result.ok === false) {
    console.error(result.error);
    return 1;
  }
  return 0;
}
