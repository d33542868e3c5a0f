import assert from "node:assert/strict";
import { TimerHeap } from "../_heap.ts";
import { heapSortRecords, radixSortRecords, sortRecords } from "../_sort.ts";

interface Entry {
  when: number;
  seq: number;
}

/** A deterministic pseudo-random generator (LCG), so failures reproduce. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
}

function byWhenThenSeq(a: Entry, b: Entry): number {
  return a.when - b.when || a.seq - b.seq;
}

function drain<T>(heap: TimerHeap<T>): T[] {
  const out: T[] = [];
  while (heap.size > 0) out.push(heap.pop()!);
  return out;
}

function push(heap: TimerHeap<Entry>, entry: Entry): void {
  heap.push(entry, entry.when, entry.seq);
}

Deno.test("TimerHeap on an empty heap: size 0, peek() undefined, peekWhen() Infinity, pop() undefined", () => {
  const heap = new TimerHeap<string>();
  assert.equal(heap.size, 0);
  assert.equal(heap.peek(), undefined);
  assert.equal(heap.peekWhen(), Infinity);
  assert.equal(heap.pop(), undefined);
  assert.deepEqual([...heap], []);
});

Deno.test("TimerHeap.pop() returns items by when, then by seq", () => {
  const heap = new TimerHeap<string>();
  heap.push("c", 3, 0);
  heap.push("a2", 1, 2);
  heap.push("b", 2, 3);
  heap.push("a1", 1, 1);
  heap.push("z", -Infinity, 9);
  heap.push("end", Infinity, 4);
  assert.equal(heap.size, 6);
  assert.equal(heap.peek(), "z");
  assert.equal(heap.peekWhen(), -Infinity);
  assert.deepEqual(drain(heap), ["z", "a1", "a2", "b", "c", "end"]);
});

Deno.test("TimerHeap.pop() returns items due at the same time in seq order (FIFO)", () => {
  const heap = new TimerHeap<number>();
  const next = random(7);
  // Push in shuffled seq order: the heap must still come out FIFO by seq.
  const seqs = Array.from({ length: 5000 }, (_, i) => i);
  for (let i = seqs.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [seqs[i], seqs[j]] = [seqs[j]!, seqs[i]!];
  }
  for (const seq of seqs) heap.push(seq, 5, seq);
  assert.deepEqual(drain(heap), Array.from({ length: 5000 }, (_, i) => i));
});

Deno.test("TimerHeap matches a sorted reference under random pushes and pops", () => {
  const next = random(12345);
  const heap = new TimerHeap<Entry>();
  let reference: Entry[] = [];
  let seq = 0;
  for (let round = 0; round < 200; round++) {
    const pushes = Math.floor(next() * 400);
    for (let i = 0; i < pushes; i++) {
      // Few distinct times, so that ties are common.
      const entry = { when: Math.floor(next() * 50) / 4, seq: seq++ };
      push(heap, entry);
      reference.push(entry);
    }
    reference.sort(byWhenThenSeq);
    const pops = Math.floor(next() * 400);
    for (let i = 0; i < pops && reference.length > 0; i++) {
      assert.equal(heap.peekWhen(), reference[0]!.when);
      assert.equal(heap.peek(), reference[0]);
      assert.equal(heap.pop(), reference.shift());
    }
    assert.equal(heap.size, reference.length);
  }
  assert.deepEqual(drain(heap), reference);
  reference = [];
  assert.equal(heap.size, 0);
});

Deno.test("TimerHeap.filter() keeps only the items asked for, still in heap order", () => {
  const next = random(99);
  const heap = new TimerHeap<Entry>();
  const entries: Entry[] = [];
  for (let seq = 0; seq < 10_000; seq++) {
    const entry = { when: Math.floor(next() * 100), seq };
    entries.push(entry);
    push(heap, entry);
  }
  const keep = (entry: Entry): boolean => entry.seq % 3 === 0;
  heap.filter(keep);
  const expected = entries.filter(keep).sort(byWhenThenSeq);
  assert.equal(heap.size, expected.length);
  assert.deepEqual(drain(heap), expected);
});

Deno.test("TimerHeap.filter() of everything or nothing, and the heap stays usable", () => {
  const heap = new TimerHeap<number>();
  for (let i = 0; i < 1000; i++) heap.push(i, 1000 - i, i);
  heap.filter(() => true);
  assert.equal(heap.size, 1000);
  assert.equal(heap.peek(), 999);
  heap.filter(() => false);
  assert.equal(heap.size, 0);
  assert.equal(heap.peek(), undefined);
  assert.equal(heap.peekWhen(), Infinity);
  heap.push(1, 2, 0);
  heap.push(0, 1, 1);
  assert.deepEqual(drain(heap), [0, 1]);
});

Deno.test("TimerHeap.filter() after pushes and pops keeps the remaining order exact", () => {
  const next = random(2024);
  const heap = new TimerHeap<Entry>();
  let reference: Entry[] = [];
  let seq = 0;
  for (let round = 0; round < 50; round++) {
    for (let i = 0; i < 300; i++) {
      const entry = { when: Math.floor(next() * 20), seq: seq++ };
      push(heap, entry);
      reference.push(entry);
    }
    reference.sort(byWhenThenSeq);
    for (let i = 0; i < 100; i++) assert.equal(heap.pop(), reference.shift());
    const cut = Math.floor(next() * 4);
    const keep = (entry: Entry): boolean => entry.seq % 4 !== cut;
    heap.filter(keep);
    reference = reference.filter(keep);
    assert.equal(heap.size, reference.length);
    assert.equal(heap.peek(), reference[0]);
  }
  assert.deepEqual(drain(heap), reference);
});

Deno.test("TimerHeap shrinks and regrows across 200,000 items", () => {
  const heap = new TimerHeap<number>();
  const count = 200_000;
  for (let i = 0; i < count; i++) heap.push(i, count - i, i);
  assert.equal(heap.size, count);
  let mismatches = 0;
  for (let i = count - 1; i >= count / 2; i--) {
    if (heap.pop() !== i) mismatches++;
  }
  // Grow again after shrinking, with earlier times.
  for (let i = 0; i < 1000; i++) heap.push(-i, -i, count + i);
  for (let i = 999; i >= 0; i--) if (heap.pop() !== -i) mismatches++;
  for (let i = count / 2 - 1; i >= 0; i--) if (heap.pop() !== i) mismatches++;
  assert.equal(mismatches, 0);
  assert.equal(heap.size, 0);
});

Deno.test("TimerHeap.clear() empties the heap and it stays usable", () => {
  const heap = new TimerHeap<number>();
  for (let i = 0; i < 500; i++) heap.push(i, i, i);
  heap.clear();
  assert.equal(heap.size, 0);
  assert.equal(heap.pop(), undefined);
  assert.deepEqual([...heap], []);
  heap.push(7, 1, 0);
  assert.deepEqual([...heap], [7]);
  assert.equal(heap.pop(), 7);
});

Deno.test("TimerHeap iterates over every item once, in heap order", () => {
  const heap = new TimerHeap<number>();
  for (let i = 0; i < 100; i++) heap.push(i, (i * 37) % 100, i);
  const items = [...heap];
  assert.equal(items.length, 100);
  assert.deepEqual(
    [...items].sort((a, b) => a - b),
    Array.from({ length: 100 }, (_, i) => i),
  );
  assert.equal(items[0], heap.peek());
});

Deno.test("TimerHeap.markDead() items leave by peekDead()/pop() or dropDead(), and holds() tells a slot's item", () => {
  const heap = new TimerHeap<string>();
  const a = heap.push("a", 1, 0);
  const b = heap.push("b", 2, 1);
  const c = heap.push("c", 3, 2);
  assert.equal(heap.holds(a, "a"), true);
  heap.markDead(a);
  heap.markDead(c);
  assert.equal(heap.peekDead(), true);
  assert.equal(heap.pop(), "a");
  assert.equal(heap.holds(a, "a"), false);
  assert.equal(heap.peekDead(), false);
  heap.dropDead();
  assert.equal(heap.size, 1);
  assert.equal(heap.holds(c, "c"), false);
  assert.equal(heap.holds(b, "b"), true);
  // A freed slot is reused, and starts alive.
  const d = heap.push("d", 0, 3);
  assert.equal(heap.peekDead(), false);
  assert.deepEqual([heap.pop(), heap.pop()], ["d", "b"]);
  assert.equal(heap.holds(d, "d"), false);
});

Deno.test("TimerHeap.popDue() gives the live due items in pop() order and drops the dead ones, at every size", async (t) => {
  // Sizes around the bulk threshold (1024): popped one by one, popped then
  // scanned, scanned at once (everything due).
  const cases: Array<[size: number, dueFraction: number]> = [
    [0, 1],
    [10, 0.5],
    [1023, 1],
    [1024, 1],
    [1024, 0],
    [5000, 0.001],
    [5000, 0.3],
    [20_000, 0.9],
    [20_000, 1],
    [100_000, 1],
  ];
  for (const [size, dueFraction] of cases) {
    await t.step(`${size} items, ${dueFraction * 100}% due`, () => {
      const next = random(size + 1);
      const heap = new TimerHeap<Entry>();
      const reference = new TimerHeap<Entry>();
      const dead = new Set<Entry>();
      for (let seq = 0; seq < size; seq++) {
        // Few distinct times, so that ties are common.
        const entry = { when: Math.floor(next() * 1000) / 10, seq };
        const id = heap.push(entry, entry.when, seq);
        const refId = reference.push(entry, entry.when, seq);
        if (next() < 0.4) {
          heap.markDead(id);
          reference.markDead(refId);
          dead.add(entry);
        }
      }
      const now = dueFraction * 100 - 0.05;
      const expected: Entry[] = [];
      let expectedDead = 0;
      while (reference.size > 0 && reference.peekWhen() <= now) {
        if (reference.peekDead()) {
          reference.pop();
          expectedDead++;
        } else expected.push(reference.pop()!);
      }
      const out: Entry[] = [];
      assert.equal(heap.popDue(now, out), expectedDead);
      assert.deepEqual(out, expected);
      assert.equal(heap.size, reference.size);
      // What stays behaves as before, dead marks included.
      let mismatches = 0;
      while (reference.size > 0) {
        if (heap.peekDead() !== reference.peekDead()) mismatches++;
        if (heap.pop() !== reference.pop()) mismatches++;
      }
      assert.equal(mismatches, 0);
      assert.equal(heap.size, 0);
      for (const entry of out) assert.equal(dead.has(entry), false);
    });
  }
});

Deno.test("TimerHeap.popDue() sorts many items already in order, in reverse and all at one time", async (t) => {
  const size = 50_000;
  const shapes: Record<string, (i: number) => number> = {
    ascending: (i) => i,
    descending: (i) => size - i,
    "one time": () => 7,
    "two times": (i) => i % 2,
    "organ pipe": (i) => Math.min(i, size - i),
  };
  for (const [name, whenOf] of Object.entries(shapes)) {
    await t.step(name, () => {
      const heap = new TimerHeap<Entry>();
      const entries: Entry[] = [];
      for (let seq = 0; seq < size; seq++) {
        const entry = { when: whenOf(seq), seq };
        entries.push(entry);
        heap.push(entry, entry.when, seq);
      }
      const out: Entry[] = [];
      assert.equal(heap.popDue(Infinity, out), 0);
      assert.equal(heap.size, 0);
      assert.deepEqual(out, entries.sort(byWhenThenSeq));
      // The emptied heap is usable again.
      heap.push({ when: 1, seq: 0 }, 1, 0);
      assert.equal(heap.pop()?.when, 1);
    });
  }
});

Deno.test("sortRecords(), radixSortRecords() and heapSortRecords() order (when, seq, id) records alike", async (t) => {
  const next = random(99);
  // Many ties, both zeros, both infinities, negative and huge times, and
  // seqs past 2^32.
  const special = [0, -0, Infinity, -Infinity, -1e300, 1e-300, -5e-324, 2.5];
  const make = (count: number): Float64Array => {
    const records = new Float64Array(count * 3);
    for (let i = 0; i < count; i++) {
      const r = next();
      records[i * 3] = r < 0.2
        ? special[Math.floor(next() * special.length)]!
        : r < 0.6
        ? Math.floor(next() * 100) - 50
        : (next() - 0.5) * 1e6;
      records[i * 3 + 1] = i % 3 === 0 ? 2 ** 40 + i : i * 7;
      records[i * 3 + 2] = i;
    }
    return records;
  };
  const rows = (a: Float64Array, count: number) =>
    Array.from({ length: count }, (_, i) => [...a.subarray(i * 3, i * 3 + 3)]);
  const sorted = (a: Float64Array, count: number) =>
    rows(a, count).sort((x, y) =>
      x[0]! < y[0]! ? -1 : x[0]! > y[0]! ? 1 : x[1]! - y[1]!
    );
  for (const count of [0, 1, 100, 2047, 2048, 30_000]) {
    await t.step(`${count} records`, () => {
      const records = make(count);
      const expected = sorted(records, count);
      const sort = records.slice();
      sortRecords(sort, 0, count);
      assert.deepEqual(rows(sort, count), expected);
      const radix = records.slice();
      radixSortRecords(radix, 0, count);
      assert.deepEqual(rows(radix, count), expected);
      const heap = records.slice();
      heapSortRecords(heap, 0, count);
      assert.deepEqual(rows(heap, count), expected);
      // A range inside the array, the records around it untouched.
      if (count >= 4) {
        const part = records.slice();
        radixSortRecords(part, 1, count - 1);
        assert.deepEqual(rows(part, count)[0], rows(records, count)[0]);
        assert.deepEqual(
          rows(part, count).slice(1, count - 1),
          sorted(records.slice(3, (count - 1) * 3), count - 2),
        );
      }
    });
  }
});

Deno.test("TimerHeap tells the new slot ids when it renumbers them, and holds() agrees", () => {
  const ids = new Map<number, number>();
  const heap = new TimerHeap<number>((item, id) => ids.set(item, id));
  for (let i = 0; i < 1000; i++) ids.set(i, heap.push(i, i, i));
  for (let i = 0; i < 900; i++) heap.markDead(ids.get(i)!);
  heap.dropDead();
  assert.equal(heap.size, 100);
  for (let i = 900; i < 1000; i++) {
    assert.equal(heap.holds(ids.get(i)!, i), true);
  }
  // A renumbered id still marks the right item dead.
  heap.markDead(ids.get(900)!);
  assert.equal(heap.peekDead(), true);
  assert.equal(heap.pop(), 900);
  assert.equal(heap.peekDead(), false);
  assert.equal(heap.pop(), 901);
});
