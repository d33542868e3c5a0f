/**
 * A binary min-heap of timers ordered by (when, scheduling order), so that
 * timers due at the same time come out in the order they were scheduled.
 * CPython's `heapq` on `_scheduled` in `base_events.py`, with the keys kept
 * in typed arrays beside the items: comparisons read contiguous numbers
 * instead of chasing a pointer per handle.
 *
 * @module
 */

const INITIAL_CAPACITY = 64;

/** A min-heap of items keyed by (when, seq). */
export class TimerHeap<T> {
  #items: Array<T | undefined> = new Array(INITIAL_CAPACITY);
  #whens = new Float64Array(INITIAL_CAPACITY);
  #seqs = new Float64Array(INITIAL_CAPACITY);
  #size = 0;

  /** The number of items in the heap. */
  get size(): number {
    return this.#size;
  }

  /** The earliest item, or `undefined` when empty. */
  peek(): T | undefined {
    return this.#size === 0 ? undefined : this.#items[0];
  }

  /** The earliest `when`, or `Infinity` when empty. */
  peekWhen(): number {
    return this.#size === 0 ? Infinity : this.#whens[0]!;
  }

  /** Adds an item due at `when`; `seq` breaks ties (lower first). */
  push(item: T, when: number, seq: number): void {
    if (this.#size === this.#whens.length) this.#resize(this.#size * 2);
    this.#siftUp(this.#size++, item, when, seq);
  }

  /** Removes and returns the earliest item, or `undefined` when empty. */
  pop(): T | undefined {
    const size = this.#size;
    if (size === 0) return undefined;
    const top = this.#items[0];
    const last = size - 1;
    this.#size = last;
    if (last > 0) {
      this.#siftDown(
        0,
        this.#items[last] as T,
        this.#whens[last]!,
        this.#seqs[last]!,
      );
    }
    this.#items[last] = undefined;
    if (
      this.#whens.length > INITIAL_CAPACITY && last < this.#whens.length >> 2
    ) {
      this.#resize(this.#whens.length >> 1);
    }
    return top;
  }

  /** Keeps only the items for which `keep` is true, in O(n). */
  filter(keep: (item: T) => boolean): void {
    let kept = 0;
    for (let i = 0; i < this.#size; i++) {
      const item = this.#items[i] as T;
      if (keep(item)) {
        this.#items[kept] = item;
        this.#whens[kept] = this.#whens[i]!;
        this.#seqs[kept] = this.#seqs[i]!;
        kept++;
      }
    }
    this.#items.fill(undefined, kept, this.#size);
    this.#size = kept;
    for (let i = (kept >> 1) - 1; i >= 0; i--) {
      this.#siftDown(i, this.#items[i] as T, this.#whens[i]!, this.#seqs[i]!);
    }
    let capacity = this.#whens.length;
    while (capacity > INITIAL_CAPACITY && kept < capacity >> 2) capacity >>= 1;
    if (capacity !== this.#whens.length) this.#resize(capacity);
  }

  /** Removes every item. */
  clear(): void {
    this.#items = new Array(INITIAL_CAPACITY);
    this.#whens = new Float64Array(INITIAL_CAPACITY);
    this.#seqs = new Float64Array(INITIAL_CAPACITY);
    this.#size = 0;
  }

  /** Iterates in heap (not time) order. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.#size; i++) yield this.#items[i] as T;
  }

  #resize(capacity: number): void {
    const whens = new Float64Array(capacity);
    const seqs = new Float64Array(capacity);
    whens.set(this.#whens.subarray(0, this.#size));
    seqs.set(this.#seqs.subarray(0, this.#size));
    this.#whens = whens;
    this.#seqs = seqs;
    this.#items.length = capacity;
  }

  #siftUp(index: number, item: T, when: number, seq: number): void {
    const items = this.#items, whens = this.#whens, seqs = this.#seqs;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const parentWhen = whens[parent]!;
      if (
        parentWhen < when || (parentWhen === when && seqs[parent]! < seq)
      ) break;
      items[index] = items[parent];
      whens[index] = parentWhen;
      seqs[index] = seqs[parent]!;
      index = parent;
    }
    items[index] = item;
    whens[index] = when;
    seqs[index] = seq;
  }

  #siftDown(index: number, item: T, when: number, seq: number): void {
    const items = this.#items, whens = this.#whens, seqs = this.#seqs;
    const size = this.#size;
    const half = size >> 1;
    while (index < half) {
      let child = 2 * index + 1;
      let childWhen = whens[child]!;
      let childSeq = seqs[child]!;
      const right = child + 1;
      if (right < size) {
        const rightWhen = whens[right]!;
        if (
          rightWhen < childWhen ||
          (rightWhen === childWhen && seqs[right]! < childSeq)
        ) {
          child = right;
          childWhen = rightWhen;
          childSeq = seqs[right]!;
        }
      }
      if (when < childWhen || (when === childWhen && seq < childSeq)) break;
      items[index] = items[child];
      whens[index] = childWhen;
      seqs[index] = childSeq;
      index = child;
    }
    items[index] = item;
    whens[index] = when;
    seqs[index] = seq;
  }
}
