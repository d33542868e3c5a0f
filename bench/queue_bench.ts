/**
 * The loop's internal queue against plain arrays: 10k pushes then 10k
 * shifts, and a steady state of one push and one shift.
 */

import { Deque } from "../_deque.ts";

const ITEMS = 10_000;
const ITEM = { handle: true };

Deno.bench({
  name: "Array push + shift",
  group: "10k pushes, then 10k shifts",
  baseline: true,
  fn() {
    const queue: object[] = [];
    for (let i = 0; i < ITEMS; i++) queue.push(ITEM);
    while (queue.length > 0) queue.shift();
  },
});

Deno.bench({
  name: "Array push + index (no shift)",
  group: "10k pushes, then 10k shifts",
  fn() {
    const queue: object[] = [];
    for (let i = 0; i < ITEMS; i++) queue.push(ITEM);
    for (let i = 0; i < queue.length; i++) queue[i] = undefined!;
  },
});

Deno.bench({
  name: "Deque push + shift",
  group: "10k pushes, then 10k shifts",
  fn() {
    const queue = new Deque<object>();
    for (let i = 0; i < ITEMS; i++) queue.push(ITEM);
    while (queue.length > 0) queue.shift();
  },
});

Deno.bench({
  name: "Array push/shift, one in one out",
  group: "10k alternating push and shift",
  baseline: true,
  fn() {
    const queue: object[] = [ITEM];
    for (let i = 0; i < ITEMS; i++) {
      queue.push(ITEM);
      queue.shift();
    }
  },
});

Deno.bench({
  name: "Deque push/shift, one in one out",
  group: "10k alternating push and shift",
  fn() {
    const queue = new Deque<object>();
    queue.push(ITEM);
    for (let i = 0; i < ITEMS; i++) {
      queue.push(ITEM);
      queue.shift();
    }
  },
});
