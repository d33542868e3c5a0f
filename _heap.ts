/**
 * A min-heap of timers ordered by (when, scheduling order), so that timers
 * due at the same time come out in the order they were scheduled.
 * CPython's `heapq` on `_scheduled` in `base_events.py`.
 *
 * The heap orders small integer slot ids, kept with their keys in one
 * `Float64Array` (`when`, `seq`, id per node); the items themselves sit
 * still in `#slots`. A sift then moves only numbers in contiguous memory:
 * no pointer chasing to compare, and no pointer writes (each a garbage
 * collector write barrier) to move. It is 4-ary: half the depth of a
 * binary heap, and a node's four children share a cache line or two.
 *
 * When many items are due at once, `popDue()` takes them out in one pass
 * over the nodes and a sort, rather than one pop at a time: on a large heap
 * each pop walks down through a dozen cache lines in random places, where
 * the scan and the sort read memory in order.
 *
 * `_sort.ts` sorts the due records (by radix when there are many).
 *
 * @module
 */

import { sortRecords } from "./_sort.ts";

const INITIAL_CAPACITY = 64;
// when, seq, id: the record layout that _sort.ts's functions sort.
const STRIDE = 3;
// Below this size, popDue() pops one at a time.
const BULK_MIN_SIZE = 1024;
// popDue() pops one at a time up to size / 2^BULK_SHIFT items, about the
// cost of one scan of the heap; past that (many more are likely due), it
// scans: at worst twice the cost of the better of the two.
const BULK_SHIFT = 8;

/** An output queue for popDue() (the loop's ready queue). */
export interface Sink<T> {
  push(item: T): void;
}

/** A min-heap of items keyed by (when, seq). */
export class TimerHeap<T> {
  // Set by clear(), which the constructor calls: fields that V8 saw
  // written only once would be taken for constants, and the code relying on
  // that deoptimized when clear() first changed them.
  #nodes!: Float64Array;
  #capacity!: number;
  #size!: number;
  /** Items by slot id; a slot is reused once its item leaves. */
  #slots!: Array<T | undefined>;
  /** Per slot id: 1 once its item was marked dead (a cancelled timer). */
  #dead!: Uint8Array;
  #free!: number[];
  /** No item's `when` is greater (the greatest pushed since it was empty). */
  #maxWhen!: number;

  /** Told an item's new slot id when the heap renumbers its slots. */
  #moved: (item: T, id: number) => void;

  /**
   * @param moved Called with an item and its new slot id when the heap
   * renumbers its slots (after many items left), so that whoever kept the
   * id from `push()` can keep it right.
   */
  constructor(moved: (item: T, id: number) => void = () => {}) {
    this.#moved = moved;
    this.clear();
  }

  /** The number of items in the heap. */
  get size(): number {
    return this.#size;
  }

  /** The earliest item, or `undefined` when empty. */
  peek(): T | undefined {
    return this.#size === 0 ? undefined : this.#slots[this.#nodes[2]!];
  }

  /** The earliest `when`, or `Infinity` when empty. */
  peekWhen(): number {
    return this.#size === 0 ? Infinity : this.#nodes[0]!;
  }

  /** Whether the earliest item was marked dead; `false` when empty. */
  peekDead(): boolean {
    return this.#size > 0 && this.#dead[this.#nodes[2]!] === 1;
  }

  /**
   * Adds an item due at `when`; `seq` breaks ties (lower first).
   *
   * @returns The item's slot id, for `holds()` and `markDead()` (until the
   * heap renumbers it: see the constructor).
   */
  push(item: T, when: number, seq: number): number {
    if (this.#size === this.#capacity) this.#resize(this.#capacity * 2);
    if (when > this.#maxWhen) this.#maxWhen = when;
    let id = this.#free.pop();
    if (id === undefined) {
      id = this.#slots.push(item) - 1;
      if (id === this.#dead.length) {
        const dead = new Uint8Array(this.#dead.length * 2);
        dead.set(this.#dead);
        this.#dead = dead;
      }
    } else this.#slots[id] = item;
    this.#dead[id] = 0;
    this.#siftUp(this.#size++, when, seq, id);
    return id;
  }

  /** Whether the slot `id` still holds `item` (it has not left the heap). */
  holds(id: number, item: T): boolean {
    return this.#slots[id] === item;
  }

  /** Marks the item in slot `id` dead, so that it can leave untouched. */
  markDead(id: number): void {
    this.#dead[id] = 1;
  }

  /** Removes and returns the earliest item, or `undefined` when empty. */
  pop(): T | undefined {
    const size = this.#size;
    if (size === 0) return undefined;
    const nodes = this.#nodes;
    const id = nodes[2]!;
    const top = this.#slots[id];
    this.#slots[id] = undefined;
    this.#free.push(id);
    const last = size - 1;
    this.#size = last;
    if (last > 0) {
      const at = last * STRIDE;
      this.#siftDown(0, nodes[at]!, nodes[at + 1]!, nodes[at + 2]!);
    }
    if (this.#capacity > INITIAL_CAPACITY && last < this.#capacity >> 2) {
      this.#resize(this.#capacity >> 1);
    }
    if (last === 0) {
      this.#maxWhen = -Infinity;
      if (this.#slots.length > INITIAL_CAPACITY) this.#releaseSlots();
    }
    return top;
  }

  /**
   * Removes every item due at `now` (`when <= now`): the live ones go to
   * `out` in (when, seq) order, as repeated `pop()` would give them; the
   * ones marked dead leave untouched.
   *
   * @returns How many dead items left.
   */
  popDue(now: number, out: Sink<T>): number {
    let dead = 0;
    let budget = 0;
    if (this.#size >= BULK_MIN_SIZE) {
      if (this.#maxWhen <= now) return this.#takeAll(out);
      budget = this.#size >> BULK_SHIFT;
    }
    // pop() may shrink the nodes array: read it afresh each time.
    while (this.#size > 0 && this.#nodes[0]! <= now) {
      if (budget > 0 && --budget === 0) return dead + this.#takeDue(now, out);
      if (this.#dead[this.#nodes[2]!] === 1) {
        this.pop();
        dead++;
      } else out.push(this.pop()!);
    }
    return dead;
  }

  /** Keeps only the items for which `keep` is true, in O(n). */
  filter(keep: (item: T) => boolean): void {
    const nodes = this.#nodes;
    for (let i = 0; i < this.#size; i++) {
      const id = nodes[i * STRIDE + 2]!;
      if (!keep(this.#slots[id] as T)) this.#dead[id] = 1;
    }
    this.dropDead();
  }

  /** Removes every item marked dead, in O(n). */
  dropDead(): void {
    const nodes = this.#nodes, slots = this.#slots, dead = this.#dead;
    let kept = 0;
    for (let i = 0; i < this.#size; i++) {
      const at = i * STRIDE;
      const id = nodes[at + 2]!;
      if (dead[id] === 0) {
        const to = kept * STRIDE;
        nodes[to] = nodes[at]!;
        nodes[to + 1] = nodes[at + 1]!;
        nodes[to + 2] = id;
        kept++;
      } else {
        slots[id] = undefined;
        this.#free.push(id);
      }
    }
    this.#size = kept;
    for (let i = (kept - 2) >> 2; i >= 0; i--) {
      const at = i * STRIDE;
      this.#siftDown(i, nodes[at]!, nodes[at + 1]!, nodes[at + 2]!);
    }
    this.#shrink();
  }

  /** popDue() when every item is due: sorts the live nodes in place. */
  #takeAll(out: Sink<T>): number {
    const nodes = this.#nodes, slots = this.#slots, dead = this.#dead;
    const size = this.#size;
    let taken = 0;
    for (let i = 0; i < size; i++) {
      const at = i * STRIDE;
      const id = nodes[at + 2]!;
      if (dead[id] === 0) {
        const to = taken * STRIDE;
        nodes[to] = nodes[at]!;
        nodes[to + 1] = nodes[at + 1]!;
        nodes[to + 2] = id;
        taken++;
      }
    }
    sortRecords(nodes, 0, taken);
    this.clear();
    for (let i = 0; i < taken; i++) out.push(slots[nodes[i * STRIDE + 2]!]!);
    return size - taken;
  }

  /**
   * popDue() in one pass: due nodes move out of the heap (the dead ones
   * dropped), the others close up and are heapified again, and the due ones
   * are sorted.
   */
  #takeDue(now: number, out: Sink<T>): number {
    const nodes = this.#nodes, slots = this.#slots, dead = this.#dead;
    const free = this.#free;
    const size = this.#size;
    let due = new Float64Array(Math.min(size, 4096) * STRIDE);
    let taken = 0;
    let kept = 0;
    let dropped = 0;
    for (let i = 0; i < size; i++) {
      const at = i * STRIDE;
      const when = nodes[at]!;
      const id = nodes[at + 2]!;
      if (when > now) {
        const to = kept * STRIDE;
        nodes[to] = when;
        nodes[to + 1] = nodes[at + 1]!;
        nodes[to + 2] = id;
        kept++;
      } else if (dead[id] === 1) {
        slots[id] = undefined;
        free.push(id);
        dropped++;
      } else {
        let to = taken * STRIDE;
        if (to === due.length) {
          const grown = new Float64Array(Math.min(size, taken * 2) * STRIDE);
          grown.set(due);
          due = grown;
        }
        due[to++] = when;
        due[to++] = nodes[at + 1]!;
        due[to] = id;
        taken++;
      }
    }
    this.#size = kept;
    for (let i = (kept - 2) >> 2; i >= 0; i--) {
      const at = i * STRIDE;
      this.#siftDown(i, nodes[at]!, nodes[at + 1]!, nodes[at + 2]!);
    }
    sortRecords(due, 0, taken);
    for (let i = 0; i < taken; i++) {
      const id = due[i * STRIDE + 2]!;
      out.push(slots[id]!);
      slots[id] = undefined;
      free.push(id);
    }
    if (kept === 0) {
      this.#maxWhen = -Infinity;
      this.#releaseSlots();
    } else this.#shrink();
    return dropped;
  }

  /** Gives back memory after many items left. */
  #shrink(): void {
    const kept = this.#size;
    let capacity = this.#capacity;
    while (capacity > INITIAL_CAPACITY && kept < capacity >> 2) capacity >>= 1;
    if (capacity !== this.#capacity) this.#resize(capacity);
    this.#compactSlots();
  }

  /** Removes every item. */
  clear(): void {
    this.#nodes = new Float64Array(INITIAL_CAPACITY * STRIDE);
    this.#capacity = INITIAL_CAPACITY;
    this.#size = 0;
    this.#maxWhen = -Infinity;
    this.#releaseSlots();
  }

  /** Iterates in heap (not time) order. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.#size; i++) {
      yield this.#slots[this.#nodes[i * STRIDE + 2]!] as T;
    }
  }

  #releaseSlots(): void {
    this.#slots = [];
    this.#dead = new Uint8Array(INITIAL_CAPACITY);
    this.#free = [];
  }

  /** Renumbers the slots densely after many items left. */
  #compactSlots(): void {
    const size = this.#size;
    if (this.#slots.length <= Math.max(INITIAL_CAPACITY, 2 * size)) return;
    const slots: Array<T | undefined> = new Array(size);
    const dead = new Uint8Array(Math.max(INITIAL_CAPACITY, size));
    const nodes = this.#nodes, moved = this.#moved;
    for (let i = 0; i < size; i++) {
      const at = i * STRIDE + 2;
      const item = this.#slots[nodes[at]!] as T;
      slots[i] = item;
      dead[i] = this.#dead[nodes[at]!]!;
      nodes[at] = i;
      moved(item, i);
    }
    this.#slots = slots;
    this.#dead = dead;
    this.#free = [];
  }

  #resize(capacity: number): void {
    const nodes = new Float64Array(capacity * STRIDE);
    nodes.set(this.#nodes.subarray(0, this.#size * STRIDE));
    this.#nodes = nodes;
    this.#capacity = capacity;
  }

  #siftUp(index: number, when: number, seq: number, id: number): void {
    const nodes = this.#nodes;
    while (index > 0) {
      const parent = (index - 1) >> 2;
      const p = parent * STRIDE;
      const parentWhen = nodes[p]!;
      if (parentWhen < when || (parentWhen === when && nodes[p + 1]! < seq)) {
        break;
      }
      const at = index * STRIDE;
      nodes[at] = parentWhen;
      nodes[at + 1] = nodes[p + 1]!;
      nodes[at + 2] = nodes[p + 2]!;
      index = parent;
    }
    const at = index * STRIDE;
    nodes[at] = when;
    nodes[at + 1] = seq;
    nodes[at + 2] = id;
  }

  #siftDown(index: number, when: number, seq: number, id: number): void {
    const nodes = this.#nodes;
    const size = this.#size;
    for (;;) {
      const first = 4 * index + 1;
      if (first >= size) break;
      // The least of up to four children.
      let child = first;
      let c = first * STRIDE;
      let childWhen = nodes[c]!;
      let childSeq = nodes[c + 1]!;
      const end = Math.min(first + 4, size);
      for (let k = first + 1; k < end; k++) {
        const o = k * STRIDE;
        const w = nodes[o]!;
        if (w < childWhen || (w === childWhen && nodes[o + 1]! < childSeq)) {
          child = k;
          c = o;
          childWhen = w;
          childSeq = nodes[o + 1]!;
        }
      }
      if (when < childWhen || (when === childWhen && seq < childSeq)) break;
      const at = index * STRIDE;
      nodes[at] = childWhen;
      nodes[at + 1] = childSeq;
      nodes[at + 2] = nodes[c + 2]!;
      index = child;
    }
    const at = index * STRIDE;
    nodes[at] = when;
    nodes[at + 1] = seq;
    nodes[at + 2] = id;
  }
}
