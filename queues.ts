/**
 * {@linkcode Queue}, {@linkcode PriorityQueue} and {@linkcode LifoQueue}, a
 * port of CPython 3.13's `Lib/asyncio/queues.py`, with
 * {@linkcode Queue.shutdown}.
 *
 * A queue binds to the running loop the first time one of its methods has
 * to wait, as asyncio's `_LoopBoundMixin` does; only waiting checks the
 * binding. The methods that wait ({@linkcode Queue.put},
 * {@linkcode Queue.get}, {@linkcode Queue.join}) return a
 * {@linkcode Waitable}: `await` it in an `async` function, `yield*` it in a
 * generator coroutine. The others ({@linkcode Queue.putNowait},
 * {@linkcode Queue.getNowait}, {@linkcode Queue.taskDone},
 * {@linkcode Queue.shutdown}...) may be called from anywhere, plain
 * callbacks included.
 *
 * @module
 */

import { QueueEmpty, QueueFull, QueueShutDown } from "./errors.ts";
import { QueueIterator } from "./_queue_iterator.ts";
import { Future } from "./future.ts";
import { futureOptionsOf } from "./_future_options.ts";
import type { AbstractEventLoop } from "./_runtime.ts";
import { inspectAsString, repr } from "./repr.ts";
import { argumentError, checkFunction, checkOptions } from "./_validate.ts";
import {
  bindLoop,
  checkCount,
  type Waitable,
  waitable,
} from "./_loop_bound.ts";
import { Deque } from "./_deque.ts";
import {
  type Compare,
  FifoStore,
  HeapStore,
  LifoStore,
  pythonOrder,
  type Store,
} from "./_queue_store.ts";

/** Options for the {@linkcode Queue} and {@linkcode LifoQueue} constructors. */
export interface QueueOptions {
  /**
   * The most items the queue holds: {@linkcode Queue.put} waits while it is
   * full. `0` means no limit.
   *
   * @default {0}
   */
  maxsize?: number | undefined;
}

/** Options for the {@linkcode PriorityQueue} constructor. */
export interface PriorityQueueOptions<T> extends QueueOptions {
  /**
   * The order of the items, as `Array.prototype.sort` takes it: negative
   * if `a` comes out first. Without it, Python's `<`: numbers, bigints and
   * strings as Python compares them, arrays of them as Python's tuples.
   */
  compare?: ((a: T, b: T) => number) | undefined;
}

/** The key of the method that makes a queue's storage (CPython's `_init`). */
export const MAKE_STORE: unique symbol = Symbol("asyncio-ts makeStore");
/** The key of the options a queue's constructor takes. */
export const OPTION_KEYS: unique symbol = Symbol("asyncio-ts optionKeys");

/**
 * A first-in, first-out queue for tasks, asyncio's `asyncio.Queue`: useful
 * for coordinating producer and consumer tasks.
 *
 * With a `maxsize` greater than 0, {@linkcode Queue.put} waits while the
 * queue holds `maxsize` items, until {@linkcode Queue.get} takes one.
 * Waiting getters and putters are served in FIFO order; one that is
 * cancelled after it was woken passes its turn on to the next. Every item
 * put counts as an unfinished task until {@linkcode Queue.taskDone} is
 * called for it; {@linkcode Queue.join} waits until none is left.
 * {@linkcode Queue.shutdown} (Python 3.13) makes puts, and gets once the
 * queue is empty, throw {@linkcode QueueShutDown}.
 *
 * Beyond asyncio: `for await (const item of queue)` takes items until the
 * queue is shut down and empty, and calls {@linkcode Queue.taskDone} for
 * each item once the loop's body has run (or is left by `break` or an
 * exception).
 *
 * @typeParam T The type of the items.
 *
 * @example Producer and consumers
 * ```ts
 * import { createTask, EventLoop, Queue, sleep } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop({ clock: "virtual" });
 * const queue = new Queue<number>({ maxsize: 2 });
 * const done: string[] = [];
 * async function worker(name: string) {
 *   for await (const job of queue) {
 *     await sleep(job);
 *     done.push(`${name}:${job}`);
 *   }
 * }
 * await loop.runUntilComplete(async () => {
 *   const workers = [createTask(() => worker("a")), createTask(() => worker("b"))];
 *   for (const job of [3, 1, 1, 2]) await queue.put(job);
 *   await queue.join();
 *   queue.shutdown();
 *   for (const w of workers) await w;
 * });
 * assert.deepEqual(done, ["b:1", "b:1", "a:3", "b:2"]);
 * assert.equal(loop.time(), 4);
 * loop.close();
 * ```
 *
 * @example In a generator coroutine
 * ```ts
 * import { EventLoop, Queue } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop();
 * const queue = new Queue<string>();
 * loop.callSoon(() => queue.putNowait("hello"));
 * const item = await loop.runUntilComplete(function* () {
 *   return yield* queue.get();
 * });
 * assert.equal(item, "hello");
 * loop.close();
 * ```
 */
export class Queue<T> implements AsyncIterable<T> {
  #loop: AbstractEventLoop | undefined = undefined;
  #maxsize: number;
  #items: Store<T>;
  #getters = new Deque<Future<void>>();
  #putters = new Deque<Future<void>>();
  #unfinished = 0;
  /** The futures of join(), and whether `_finished` (an Event) is set. */
  #joiners = new Deque<Future<void>>();
  #finished = true;
  #shutdown = false;

  /**
   * Creates an empty queue.
   *
   * @param options The most items it may hold (`maxsize`, 0 for no limit).
   * @throws {TypeError} If `options` is not an object or `maxsize` not a
   * number.
   * @throws {RangeError} If `maxsize` is not an integer >= 0.
   */
  constructor(options: QueueOptions = {}) {
    const name = new.target.name;
    checkOptions(name, this[OPTION_KEYS], options);
    const maxsize = options?.maxsize ?? 0;
    checkCount(name, "options.maxsize", maxsize, 0);
    this.#maxsize = maxsize;
    this.#items = this[MAKE_STORE](options ?? {});
  }

  /** @ignore The options the constructor takes. */
  protected get [OPTION_KEYS](): readonly string[] {
    return ["maxsize"];
  }

  /** @ignore Makes the queue's storage, CPython's `_init()`. */
  protected [MAKE_STORE](_options: QueueOptions): Store<T> {
    return new FifoStore<T>();
  }

  /** The most items the queue holds; `0` for no limit. */
  get maxsize(): number {
    return this.#maxsize;
  }

  /**
   * The number of items in the queue.
   *
   * @returns The number of items.
   */
  qsize(): number {
    return this.#items.length;
  }

  /**
   * Whether the queue is empty.
   *
   * @returns `true` if it holds no item.
   */
  empty(): boolean {
    return this.#items.length === 0;
  }

  /**
   * Whether the queue holds `maxsize` items. A queue made with `maxsize` 0
   * (the default) is never full.
   *
   * @returns `true` if {@linkcode Queue.putNowait} would throw
   * {@linkcode QueueFull}.
   */
  full(): boolean {
    const maxsize = this.#maxsize;
    return maxsize > 0 && this.#items.length >= maxsize;
  }

  /**
   * Puts an item into the queue; if it is full, waits for a free slot
   * first.
   *
   * Like a Python coroutine, the {@linkcode Waitable} does nothing until it
   * is awaited: from a plain callback, use {@linkcode Queue.putNowait}.
   *
   * @param item The item.
   * @returns A {@linkcode Waitable} that resolves once the item is in.
   * @throws {QueueShutDown} If the queue is shut down (also while it
   * waits).
   * @throws {CancelledError} If the task is cancelled while it waits.
   * @throws {Error} If it must wait on a loop other than the one the queue
   * is bound to (`<Queue maxsize=1 ...> is bound to a different event
   * loop`).
   */
  put(item: T): Waitable<void> {
    return this.#put(item) as Waitable<void>;
  }

  *#put(item: T): Generator<unknown, void, unknown> {
    while (this.full()) yield* this.#waitForSlot();
    this.putNowait(item);
  }

  /** One wait of put() for a free slot (the body of asyncio's loop). */
  *#waitForSlot(): Generator<unknown, void, unknown> {
    if (this.#shutdown) throw new QueueShutDown();
    const putter = new Future<void>(futureOptionsOf(this.#bind("put")));
    const putters = this.#putters;
    putters.push(putter);
    try {
      yield* putter;
    } catch (error) {
      putter.cancel(); // In case it is not done yet.
      putters.remove(putter);
      if (!this.full() && !putter.cancelled()) {
        // Woken by getNowait(), but cannot take the slot: the next one in
        // line may.
        wakeupNext(putters);
      }
      throw error;
    }
  }

  /**
   * Puts an item into the queue without waiting.
   *
   * @param item The item.
   * @throws {QueueShutDown} If the queue is shut down.
   * @throws {QueueFull} If the queue is full.
   * @throws {TypeError} From a {@linkcode PriorityQueue}, if the item does
   * not compare with those in it.
   */
  putNowait(item: T): void {
    if (this.#shutdown) throw new QueueShutDown();
    if (this.full()) throw new QueueFull();
    this.#items.push(item);
    this.#unfinished++;
    this.#finished = false;
    wakeupNext(this.#getters);
  }

  /**
   * Removes and returns an item from the queue; if it is empty, waits for
   * one first.
   *
   * @returns A {@linkcode Waitable} that resolves with the item.
   * @throws {QueueShutDown} If the queue is shut down and empty (also while
   * it waits), or was shut down with `immediate`.
   * @throws {CancelledError} If the task is cancelled while it waits.
   * @throws {Error} If it must wait on a loop other than the one the queue
   * is bound to.
   */
  get(): Waitable<T> {
    return this.#get() as Waitable<T>;
  }

  *#get(): Generator<unknown, T, unknown> {
    while (this.#items.length === 0) yield* this.#waitForItem();
    return this.getNowait();
  }

  /** One wait of get() for an item (the body of asyncio's loop). */
  *#waitForItem(): Generator<unknown, void, unknown> {
    if (this.#shutdown) throw new QueueShutDown();
    const getter = new Future<void>(futureOptionsOf(this.#bind("get")));
    const getters = this.#getters;
    getters.push(getter);
    try {
      yield* getter;
    } catch (error) {
      getter.cancel(); // In case it is not done yet.
      getters.remove(getter);
      if (this.#items.length > 0 && !getter.cancelled()) {
        // Woken by putNowait(), but cannot take the item: the next one in
        // line may.
        wakeupNext(getters);
      }
      throw error;
    }
  }

  /**
   * Removes and returns an item without waiting.
   *
   * @returns The item.
   * @throws {QueueShutDown} If the queue is shut down and empty.
   * @throws {QueueEmpty} If the queue is empty.
   */
  getNowait(): T {
    if (this.#items.length === 0) {
      if (this.#shutdown) throw new QueueShutDown();
      throw new QueueEmpty();
    }
    const item = this.#items.take();
    wakeupNext(this.#putters);
    return item;
  }

  /**
   * Says that an item taken from the queue was processed: for each
   * {@linkcode Queue.get} a consumer calls it once the work on the item is
   * done. When every item put was so marked, {@linkcode Queue.join}
   * returns.
   *
   * `for await (const item of queue)` calls it itself, after each item's
   * loop body.
   *
   * @throws {Error} If it is called more times than items were put
   * (`taskDone() called too many times`).
   */
  taskDone(): void {
    if (this.#unfinished <= 0) {
      throw new Error("taskDone() called too many times");
    }
    if (--this.#unfinished === 0) this.#setFinished();
  }

  /**
   * Waits until every item put into the queue was taken and marked done
   * with {@linkcode Queue.taskDone}.
   *
   * @returns A {@linkcode Waitable} that resolves when no task is
   * unfinished.
   * @throws {CancelledError} If the task is cancelled while it waits.
   */
  join(): Waitable<void> {
    return this.#join() as Waitable<void>;
  }

  *#join(): Generator<unknown, void, unknown> {
    // asyncio's `await self._finished.wait()`, its Event inlined.
    if (this.#unfinished === 0 || this.#finished) return;
    const loop = this.#bind("join");
    const joiner = new Future<void>(futureOptionsOf(loop));
    const joiners = this.#joiners;
    joiners.push(joiner);
    try {
      yield* joiner;
    } finally {
      joiners.remove(joiner);
    }
  }

  /**
   * Shuts the queue down (Python 3.13): {@linkcode Queue.put} and
   * {@linkcode Queue.putNowait} throw {@linkcode QueueShutDown} from now
   * on, and so do {@linkcode Queue.get} and {@linkcode Queue.getNowait}
   * once the queue is empty. Every task waiting to put or get is woken to
   * see it.
   *
   * @param immediate Also drop the items in the queue, marking each one
   * done (which may let {@linkcode Queue.join} return), so that gets throw
   * at once.
   * @throws {TypeError} If `immediate` is not a boolean.
   */
  shutdown(immediate = false): void {
    if (typeof immediate !== "boolean") {
      throw argumentError(
        `${this.constructor.name}.shutdown`,
        "immediate",
        "a boolean",
        immediate,
      );
    }
    this.#shutdown = true;
    if (immediate) {
      const dropped = this.#items.length;
      this.#items.clear();
      this.#unfinished = Math.max(0, this.#unfinished - dropped);
      if (this.#unfinished === 0) this.#setFinished();
    }
    // Every getter and putter checks again, and sees the shutdown.
    for (const waiters of [this.#getters, this.#putters]) {
      for (let waiter; (waiter = waiters.shift()) !== undefined;) {
        if (!waiter.done()) waiter.setResult();
      }
    }
  }

  /**
   * Takes items until the queue is shut down and empty, calling
   * {@linkcode Queue.taskDone} for each one after the loop's body has run,
   * or when the loop is left early (`break`, `return`, an exception).
   *
   * @returns An async iterator over the items.
   */
  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return new QueueIterator<T>(this);
  }

  /**
   * Formats the queue as asyncio's `str()` does.
   *
   * @returns Such as `<Queue maxsize=0 _queue=[1, 2] tasks=2>`.
   */
  toString(): string {
    let text = `<${this.constructor.name} maxsize=${this.#maxsize}`;
    if (this.#items.length > 0) {
      text += ` _queue=${repr(this.#items.toArray())}`;
    }
    if (this.#getters.length > 0) text += ` _getters[${this.#getters.length}]`;
    if (this.#putters.length > 0) text += ` _putters[${this.#putters.length}]`;
    if (this.#unfinished > 0) text += ` tasks=${this.#unfinished}`;
    if (this.#shutdown) text += " shutdown";
    return text + ">";
  }

  static {
    // The generators of put(), get() and join() are made thenable once,
    // here, rather than at each call (waitable() checks their prototype):
    // put() and get() that need not wait cost a generator object, no more.
    // `new this()`, not `new Queue()`: a class that names itself in its
    // body is renamed `_Queue` by esbuild, and its reprs with it.
    const queue = new this();
    waitable(queue.#put(undefined));
    waitable(queue.#get());
    waitable(queue.#join());
  }

  /** asyncio's `self._get_loop()`, for `method`. */
  #bind(method: string): AbstractEventLoop {
    return this.#loop = bindLoop(
      this,
      this.#loop,
      `${this.constructor.name}.${method}`,
    );
  }

  /** asyncio's `self._finished.set()`: wakes every join(). */
  #setFinished(): void {
    if (this.#finished) return;
    this.#finished = true;
    for (const joiner of this.#joiners) {
      if (!joiner.done()) joiner.setResult();
    }
  }
}

inspectAsString(Queue.prototype);

/** asyncio's `_wakeup_next()`: wakes the first waiter not cancelled. */
function wakeupNext(waiters: Deque<Future<void>>): void {
  while (waiters.length > 0) {
    const waiter = waiters.shift()!;
    if (!waiter.done()) {
      waiter.setResult();
      return;
    }
  }
}

/**
 * A queue that hands out its smallest item first, asyncio's
 * `asyncio.PriorityQueue`. Entries are often arrays such as
 * `[priority, data]`, which compare as Python's tuples.
 *
 * Without `compare`, items compare as Python's `<` does: numbers, bigints
 * and booleans by value, strings by code point, arrays item by item; two
 * items that do not compare (a number and a string, an object) make
 * {@linkcode Queue.putNowait} (or {@linkcode Queue.put}) throw Python's
 * `TypeError`, leaving the item in the queue as asyncio does.
 *
 * Differences from asyncio: items that compare equal come out in the order
 * they were put (asyncio's `heapq` leaves that order unspecified).
 *
 * @typeParam T The type of the items.
 *
 * @example Usage
 * ```ts
 * import { PriorityQueue } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const queue = new PriorityQueue<[number, string]>();
 * queue.putNowait([2, "write"]);
 * queue.putNowait([1, "read"]);
 * queue.putNowait([1, "open"]);
 * assert.deepEqual(queue.getNowait(), [1, "open"]);
 * assert.deepEqual(queue.getNowait(), [1, "read"]);
 * assert.deepEqual(queue.getNowait(), [2, "write"]);
 * ```
 */
export class PriorityQueue<T> extends Queue<T> {
  /**
   * Creates an empty priority queue.
   *
   * @param options `maxsize` (0 for no limit) and `compare`, the order.
   * @throws {TypeError} If `options` is not an object, `maxsize` not a
   * number or `compare` not a function.
   * @throws {RangeError} If `maxsize` is not an integer >= 0.
   */
  constructor(options: PriorityQueueOptions<T> = {}) {
    super(options);
  }

  /** @ignore The options the constructor takes. */
  protected override get [OPTION_KEYS](): readonly string[] {
    return ["maxsize", "compare"];
  }

  /** @ignore A heap, ordered by `compare` or Python's `<`. */
  protected override [MAKE_STORE](options: PriorityQueueOptions<T>): Store<T> {
    const compare = options.compare;
    if (compare !== undefined) {
      checkFunction(this.constructor.name, "options.compare", compare);
    }
    return new HeapStore<T>(compare ?? (pythonOrder as Compare<T>));
  }
}

/**
 * A queue that hands out the item put last first, asyncio's
 * `asyncio.LifoQueue`.
 *
 * @typeParam T The type of the items.
 *
 * @example Usage
 * ```ts
 * import { LifoQueue } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const queue = new LifoQueue<number>();
 * for (const n of [1, 2, 3]) queue.putNowait(n);
 * assert.equal(String(queue), "<LifoQueue maxsize=0 _queue=[1, 2, 3] tasks=3>");
 * assert.deepEqual([queue.getNowait(), queue.getNowait()], [3, 2]);
 * ```
 */
export class LifoQueue<T> extends Queue<T> {
  /** @ignore A stack. */
  protected override [MAKE_STORE](_options: QueueOptions): Store<T> {
    return new LifoStore<T>();
  }
}
