/**
 * A FIFO queue on a growable ring buffer: O(1) push and shift at any size,
 * where `Array.prototype.shift` is O(n) on long arrays. The loop's `#ready`
 * queue (CPython's `collections.deque` in `base_events.py`), and the waiters
 * of the locks and queues (their `collections.deque`s).
 *
 * @module
 */

const INITIAL_CAPACITY = 16;

/**
 * `new Array(n)`, made ready for objects. V8 starts such an array as one of
 * small integers, and the first object stored changes its kind: in code
 * optimized for the other kind (the previous queue's), that deoptimizes.
 */
function emptySlots<T>(n: number): Array<T | undefined> {
  const items = new Array<T | undefined>(n);
  items[0] = emptySlots as T;
  items[0] = undefined;
  return items;
}

/** A FIFO queue with O(1) `push` and `shift`. */
export class Deque<T> {
  // Set by clear(), which the constructor calls: fields that V8 saw
  // written only once would be taken for constants, and the code relying on
  // that deoptimized when clear() first changed them.
  #items!: Array<T | undefined>;
  #mask!: number;
  #head!: number;
  #length!: number;

  constructor() {
    this.clear();
  }

  /** The number of items queued. */
  get length(): number {
    return this.#length;
  }

  /** Appends an item at the tail. */
  push(item: T): void {
    if (this.#length > this.#mask) this.#grow();
    this.#items[(this.#head + this.#length) & this.#mask] = item;
    this.#length++;
  }

  /** Removes and returns the item at the head; `undefined` when empty. */
  shift(): T | undefined {
    if (this.#length === 0) return undefined;
    const head = this.#head;
    const item = this.#items[head];
    this.#items[head] = undefined;
    this.#head = (head + 1) & this.#mask;
    this.#length--;
    return item;
  }

  /** The item `index` places from the head; `undefined` past the tail. */
  at(index: number): T | undefined {
    return index < this.#length
      ? this.#items[(this.#head + index) & this.#mask]
      : undefined;
  }

  /**
   * Removes the first occurrence of `item`, Python's `deque.remove()`: at
   * the head (the common case for waiters) in O(1), elsewhere by moving the
   * items behind it up one place.
   *
   * @returns Whether `item` was there.
   */
  remove(item: T): boolean {
    const items = this.#items;
    const mask = this.#mask;
    const head = this.#head;
    const last = this.#length - 1;
    for (let i = 0; i <= last; i++) {
      if (items[(head + i) & mask] !== item) continue;
      if (i === 0) {
        this.shift();
        return true;
      }
      for (let j = i; j < last; j++) {
        items[(head + j) & mask] = items[(head + j + 1) & mask];
      }
      items[(head + last) & mask] = undefined;
      this.#length = last;
      return true;
    }
    return false;
  }

  /** Drops every item, and the memory a long queue had grown to. */
  clear(): void {
    this.#items = emptySlots(INITIAL_CAPACITY);
    this.#mask = INITIAL_CAPACITY - 1;
    this.#head = 0;
    this.#length = 0;
  }

  /** Iterates from head to tail without removing anything. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.#length; i++) {
      yield this.#items[(this.#head + i) & this.#mask] as T;
    }
  }

  #grow(): void {
    const old = this.#items;
    const capacity = old.length * 2;
    const items = emptySlots<T>(capacity);
    for (let i = 0; i < this.#length; i++) {
      items[i] = old[(this.#head + i) & this.#mask];
    }
    this.#items = items;
    this.#mask = capacity - 1;
    this.#head = 0;
  }
}
