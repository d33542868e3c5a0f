/**
 * Hot paths of the loop's ready queue, against native baselines. Sized for
 * a 2-core machine: 10k callbacks per case. Run with `deno task bench`.
 */

import { EventLoop } from "../mod.ts";

const CALLBACKS = 10_000;

Deno.bench({
  name: "queueMicrotask",
  group: "run 10k callbacks scheduled up front",
  baseline: true,
  async fn() {
    const { promise, resolve } = Promise.withResolvers<void>();
    let remaining = CALLBACKS;
    function tick() {
      remaining -= 1;
      if (remaining === 0) resolve();
    }
    for (let i = 0; i < CALLBACKS; i++) queueMicrotask(tick);
    await promise;
  },
});

Deno.bench({
  name: "EventLoop.callSoon",
  group: "run 10k callbacks scheduled up front",
  async fn(b) {
    const loop = new EventLoop();
    let count = 0;
    function tick() {
      count += 1;
    }

    b.start();
    for (let i = 0; i < CALLBACKS; i++) loop.callSoon(tick);
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    b.end();

    loop.close();
    if (count !== CALLBACKS) throw new Error(`ran ${count} callbacks`);
  },
});

Deno.bench({
  name: "EventLoop.callSoon with 2 arguments",
  group: "run 10k callbacks scheduled up front",
  async fn(b) {
    const loop = new EventLoop();
    let total = 0;
    function add(x: number, y: number) {
      total += x + y;
    }

    b.start();
    for (let i = 0; i < CALLBACKS; i++) loop.callSoon(add, i, 1);
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    b.end();

    loop.close();
    if (total !== CALLBACKS * (CALLBACKS + 1) / 2) throw new Error("sum");
  },
});

Deno.bench({
  name: "queueMicrotask chain",
  group: "a callback that reschedules itself 10k times",
  baseline: true,
  async fn() {
    const { promise, resolve } = Promise.withResolvers<void>();
    let remaining = CALLBACKS;
    function tick() {
      remaining -= 1;
      if (remaining === 0) resolve();
      else queueMicrotask(tick);
    }
    queueMicrotask(tick);
    await promise;
  },
});

Deno.bench({
  name: "EventLoop.callSoon chain",
  group: "a callback that reschedules itself 10k times",
  async fn(b) {
    const loop = new EventLoop();
    let remaining = CALLBACKS;
    function tick() {
      remaining -= 1;
      if (remaining === 0) loop.stop();
      else loop.callSoon(tick);
    }

    b.start();
    loop.callSoon(tick);
    await loop.runForever();
    b.end();

    loop.close();
  },
});
