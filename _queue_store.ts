/**
 * Where the queues of queues.ts keep their items, CPython's overridable
 * `_init()`, `_put()` and `_get()` of `Lib/asyncio/queues.py`: a FIFO
 * deque ({@linkcode Queue}), a stack ({@linkcode LifoQueue}), and a binary
 * heap ({@linkcode PriorityQueue}) that moves its items as CPython's C
 * `heapq` does, with Python's `<` as its default order. Not exported from
 * mod.ts.
 *
 * @module
 */

import { Deque } from "./_deque.ts";

/** What a queue needs of its storage. */
export interface Store<T> {
  /** The number of items held. */
  readonly length: number;
  /** Adds an item (CPython's `_put`); may throw (a heap's comparison). */
  push(item: T): void;
  /** Removes the next item (CPython's `_get`); only called when not empty. */
  take(): T;
  /** Drops every item. */
  clear(): void;
  /** The items in storage order, as CPython's `list(self._queue)`. */
  toArray(): T[];
}

/** First in, first out: asyncio's `collections.deque`. */
export class FifoStore<T> extends Deque<T> implements Store<T> {
  take(): T {
    return this.shift() as T;
  }

  toArray(): T[] {
    return [...this];
  }
}

/** Last in, first out: asyncio's list with `append()` and `pop()`. */
export class LifoStore<T> implements Store<T> {
  #items: T[] = [];

  get length(): number {
    return this.#items.length;
  }

  push(item: T): void {
    this.#items.push(item);
  }

  take(): T {
    return this.#items.pop() as T;
  }

  clear(): void {
    this.#items = [];
  }

  toArray(): T[] {
    return this.#items.slice();
  }
}

/** A three-way comparison: negative if `a` comes first, as `Array.sort`'s. */
export type Compare<T> = (a: T, b: T) => number;

/**
 * Smallest first, equal items in the order they came (a sequence number
 * breaks ties). The moves are those of CPython's C `heapq` (`siftdown` and
 * `siftup` swap items, comparing in the same order), so the storage order
 * that a queue's repr shows is asyncio's, and a comparison that throws
 * leaves the heap as CPython leaves it: a pushed item stays in (its
 * `put_nowait()` fails after `_put()` appended it), a popped one is gone.
 */
export class HeapStore<T> implements Store<T> {
  #items: T[] = [];
  #seqs: number[] = [];
  #next = 0;
  #compare: Compare<T>;

  constructor(compare: Compare<T>) {
    this.#compare = compare;
  }

  get length(): number {
    return this.#items.length;
  }

  push(item: T): void {
    this.#items.push(item);
    this.#seqs.push(this.#next++);
    this.#siftDown(0, this.#items.length - 1);
  }

  take(): T {
    const items = this.#items;
    const seqs = this.#seqs;
    const last = items.pop() as T;
    const lastSeq = seqs.pop()!;
    if (items.length === 0) return last;
    const first = items[0] as T;
    items[0] = last;
    seqs[0] = lastSeq;
    this.#siftUp(0);
    return first;
  }

  clear(): void {
    this.#items = [];
    this.#seqs = [];
  }

  toArray(): T[] {
    return this.#items.slice();
  }

  /** Whether the item at `i` comes before the one at `j`. */
  #less(i: number, j: number): boolean {
    const order = this.#compare(this.#items[i] as T, this.#items[j] as T);
    // A comparison that says neither (0, or NaN) keeps the order of arrival.
    return order < 0 || (!(order > 0) && this.#seqs[i]! < this.#seqs[j]!);
  }

  #swap(i: number, j: number): void {
    const items = this.#items;
    const seqs = this.#seqs;
    const item = items[i] as T;
    items[i] = items[j] as T;
    items[j] = item;
    const seq = seqs[i]!;
    seqs[i] = seqs[j]!;
    seqs[j] = seq;
  }

  /** CPython's `siftdown`: moves the item at `pos` up towards `start`. */
  #siftDown(start: number, pos: number): void {
    while (pos > start) {
      const parent = (pos - 1) >> 1;
      if (!this.#less(pos, parent)) break;
      this.#swap(pos, parent);
      pos = parent;
    }
  }

  /**
   * CPython's `siftup`: moves the smaller child up until a leaf, then the
   * item from `pos` back up to its place.
   */
  #siftUp(pos: number): void {
    const end = this.#items.length;
    const start = pos;
    const limit = end >> 1;
    while (pos < limit) {
      let child = 2 * pos + 1;
      if (child + 1 < end && !this.#less(child, child + 1)) child++;
      this.#swap(pos, child);
      pos = child;
    }
    this.#siftDown(start, pos);
  }
}

function isNumeric(value: unknown): value is number | bigint | boolean {
  const type = typeof value;
  return type === "number" || type === "bigint" || type === "boolean";
}

/** Python's name of a type, in this library's words. */
function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") {
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return typeof name === "string" && name !== "" ? name : "object";
  }
  return typeof value;
}

/**
 * Strings by code point, as Python compares them (JavaScript's `<` compares
 * UTF-16 code units, which puts U+E000..U+FFFF after the astral planes).
 */
function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // Surrogates (astral code points) after U+E000..U+FFFF.
      x = x < 0xe000 ? x + 0x2000 : x - 0x800;
      y = y < 0xe000 ? y + 0x2000 : y - 0x800;
    }
    return x - y;
  }
  return a.length - b.length;
}

/**
 * Python's `==` as a tuple comparison uses it to find the first items that
 * differ: the same value, numbers (and bigints, booleans) of equal value,
 * or arrays of equal items.
 */
function pyEqual(a: unknown, b: unknown): boolean {
  if (a === b || (a !== a && b !== b)) return true;
  if (isNumeric(a) && isNumeric(b)) return a == b;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (!pyEqual(a[i], b[i])) return false;
    }
    return true;
  }
  return false;
}

/**
 * The default order of a {@linkcode PriorityQueue}: Python's `<`. Numbers,
 * bigints and booleans compare by value (Python's `int`, `float`, `bool`),
 * strings by code point, arrays as Python's tuples (the first items that
 * are not equal decide, else the shorter comes first); anything else, or
 * two values of different kinds, throws Python's `TypeError`.
 *
 * @throws {TypeError} `'<' not supported between instances of 'string'
 * and 'number'`.
 */
export function pythonOrder(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === "string" && typeof b === "string") {
    return a === b ? 0 : compareStrings(a, b);
  }
  if (isNumeric(a) && isNumeric(b)) return a < b ? -1 : a > b ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (!pyEqual(a[i], b[i])) return pythonOrder(a[i], b[i]);
    }
    return a.length - b.length;
  }
  throw new TypeError(
    `'<' not supported between instances of '${typeName(a)}' and '${
      typeName(b)
    }'`,
  );
}
