import assert from "node:assert/strict";
import { Deque } from "../_deque.ts";

Deno.test("Deque.shift() returns items in the order push() added them", () => {
  const deque = new Deque<string>();
  assert.equal(deque.length, 0);
  deque.push("a");
  deque.push("b");
  deque.push("c");
  assert.equal(deque.length, 3);
  assert.equal(deque.shift(), "a");
  assert.equal(deque.shift(), "b");
  assert.equal(deque.length, 1);
  assert.equal(deque.shift(), "c");
  assert.equal(deque.length, 0);
});

Deno.test("Deque.shift() on an empty deque returns undefined and leaves it usable", () => {
  const deque = new Deque<number>();
  assert.equal(deque.shift(), undefined);
  assert.equal(deque.shift(), undefined);
  assert.equal(deque.length, 0);
  deque.push(1);
  assert.equal(deque.shift(), 1);
  assert.equal(deque.shift(), undefined);
});

Deno.test("Deque keeps undefined and null as items", () => {
  const deque = new Deque<unknown>();
  deque.push(undefined);
  deque.push(null);
  assert.equal(deque.length, 2);
  assert.equal(deque.shift(), undefined);
  assert.equal(deque.length, 1);
  assert.equal(deque.shift(), null);
});

Deno.test("Deque iterates from head to tail without removing, across the wraparound", () => {
  const deque = new Deque<number>();
  // Move the head into the middle of the initial buffer, then wrap around.
  for (let i = 0; i < 10; i++) deque.push(i);
  for (let i = 0; i < 8; i++) deque.shift();
  for (let i = 10; i < 22; i++) deque.push(i);
  assert.deepEqual([...deque], [
    8,
    9,
    ...Array.from({ length: 12 }, (_, i) => 10 + i),
  ]);
  assert.equal(deque.length, 14);
  // Growing while wrapped keeps the order.
  for (let i = 22; i < 100; i++) deque.push(i);
  assert.deepEqual([...deque], Array.from({ length: 92 }, (_, i) => 8 + i));
  for (let i = 8; i < 100; i++) assert.equal(deque.shift(), i);
  assert.equal(deque.length, 0);
});

Deno.test("Deque.clear() drops every item and the deque stays usable", () => {
  const deque = new Deque<number>();
  for (let i = 0; i < 1000; i++) deque.push(i);
  for (let i = 0; i < 500; i++) deque.shift();
  deque.clear();
  assert.equal(deque.length, 0);
  assert.equal(deque.shift(), undefined);
  assert.deepEqual([...deque], []);
  for (let i = 0; i < 40; i++) deque.push(i);
  assert.deepEqual([...deque], Array.from({ length: 40 }, (_, i) => i));
});

Deno.test("Deque pushes and shifts 2 million items in FIFO order", () => {
  const deque = new Deque<number>();
  const count = 2_000_000;
  for (let i = 0; i < count; i++) deque.push(i);
  assert.equal(deque.length, count);
  let mismatches = 0;
  for (let i = 0; i < count; i++) if (deque.shift() !== i) mismatches++;
  assert.equal(mismatches, 0);
  assert.equal(deque.length, 0);
});

Deno.test("Deque keeps FIFO order under millions of interleaved pushes and shifts", () => {
  // A queue that grows and shrinks in waves, so the head wraps around the
  // buffer many times at every size; a plain array model checks the order.
  const deque = new Deque<number>();
  let pushed = 0;
  let shifted = 0;
  let mismatches = 0;
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  for (let wave = 0; wave < 60; wave++) {
    const grow = wave % 2 === 0;
    for (let step = 0; step < 50_000; step++) {
      // Growing waves push about twice as often as they shift.
      const push = grow ? random() < 0.66 : random() < 0.34;
      if (push || pushed === shifted) {
        deque.push(pushed++);
      } else {
        if (deque.shift() !== shifted) mismatches++;
        shifted++;
      }
    }
    assert.equal(deque.length, pushed - shifted);
  }
  while (deque.length > 0) {
    if (deque.shift() !== shifted) mismatches++;
    shifted++;
  }
  assert.equal(mismatches, 0);
  assert.equal(shifted, pushed);
  assert.ok(pushed > 1_500_000, `pushed ${pushed}`);
});

Deno.test("Deque holding one item at a time wraps around its buffer millions of times", () => {
  const deque = new Deque<number>();
  deque.push(-1);
  let mismatches = 0;
  for (let i = 0; i < 2_000_000; i++) {
    deque.push(i);
    if (deque.shift() !== i - 1) mismatches++;
  }
  assert.equal(mismatches, 0);
  assert.equal(deque.length, 1);
  assert.equal(deque.shift(), 1_999_999);
});

Deno.test("Deque.at() reads the item at an index from the head, across the wraparound, and undefined past the tail", () => {
  const deque = new Deque<number>();
  for (let i = 0; i < 12; i++) deque.push(i);
  for (let i = 0; i < 10; i++) deque.shift();
  // Head at 10 of 16 slots; 10..21 wrap around the end of the buffer.
  for (let i = 12; i < 22; i++) deque.push(i);
  assert.equal(deque.length, 12);
  for (let i = 0; i < 12; i++) assert.equal(deque.at(i), 10 + i);
  assert.equal(deque.at(12), undefined);
  assert.equal(new Deque<number>().at(0), undefined);
});

Deno.test("Deque.remove() takes out the first occurrence, as Python's deque.remove(), at the head, in the middle, across the wraparound and at the tail", () => {
  // Against an array model, for every position in deques whose items wrap
  // around the buffer at every offset.
  for (let offset = 0; offset < 16; offset++) {
    for (let size = 1; size <= 20; size++) {
      for (let target = 0; target < size; target++) {
        const deque = new Deque<number>();
        for (let i = 0; i < offset; i++) deque.push(-1);
        for (let i = 0; i < offset; i++) deque.shift();
        const model: number[] = [];
        for (let i = 0; i < size; i++) {
          deque.push(i % 7);
          model.push(i % 7);
        }
        const value = target % 7;
        assert.equal(deque.remove(value), true);
        model.splice(model.indexOf(value), 1);
        assert.deepEqual([...deque], model, `offset ${offset}, size ${size}`);
        assert.equal(deque.length, model.length);
        // Still a working FIFO after the removal.
        deque.push(99);
        model.push(99);
        const drained: number[] = [];
        for (let item; (item = deque.shift()) !== undefined;) {
          drained.push(item);
        }
        assert.deepEqual(drained, model);
      }
    }
  }
});

Deno.test("Deque.remove() of an item that is not there returns false and changes nothing", () => {
  const deque = new Deque<string>();
  assert.equal(deque.remove("a"), false);
  deque.push("a");
  deque.push("b");
  assert.equal(deque.remove("c"), false);
  assert.deepEqual([...deque], ["a", "b"]);
});
