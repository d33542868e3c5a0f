/**
 * Timers: the loop's heap of `callAt` handles against a native baseline
 * (sorting the same keys), and the heap alone. 10k timers per case.
 */

import { EventLoop } from "../mod.ts";
import { TimerHeap } from "../_heap.ts";

const TIMERS = 10_000;

/** Park and Miller's minimal standard LCG, as in bench/_workloads.mjs. */
function offsets(count: number): Float64Array {
  const out = new Float64Array(count);
  let seed = 1;
  for (let i = 0; i < count; i++) {
    seed = (seed * 48271) % 2147483647;
    out[i] = (seed - 1) / 2147483646;
  }
  return out;
}

const OFFSETS = offsets(TIMERS);

Deno.bench({
  name: "Float64Array.sort + calls",
  group: "run 10k expired timers in time order",
  baseline: true,
  fn() {
    const whens = new Float64Array(TIMERS);
    for (let i = 0; i < TIMERS; i++) whens[i] = -OFFSETS[i]!;
    whens.sort();
    let last = -Infinity;
    for (const when of whens) {
      if (when < last) throw new Error("order");
      last = when;
    }
  },
});

Deno.bench({
  name: "EventLoop.callAt, half cancelled",
  group: "run 10k expired timers in time order",
  async fn(b) {
    const loop = new EventLoop();
    let last = -Infinity;
    function fire(when: number) {
      if (when < last) throw new Error("order");
      last = when;
    }

    b.start();
    const now = loop.time();
    const handles = [];
    for (let i = 0; i < TIMERS; i++) {
      const when = now - OFFSETS[i]!;
      handles.push(loop.callAt(when, fire, when));
    }
    for (let i = 1; i < TIMERS; i += 2) handles[i]!.cancel();
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    b.end();

    loop.close();
  },
});

Deno.bench({
  name: "TimerHeap push + pop",
  group: "run 10k expired timers in time order",
  fn() {
    const heap = new TimerHeap<number>();
    for (let i = 0; i < TIMERS; i++) heap.push(i, -OFFSETS[i]!, i);
    let last = -Infinity;
    while (heap.size > 0) {
      const when = heap.peekWhen();
      if (when < last) throw new Error("order");
      last = when;
      heap.pop();
    }
  },
});
