/**
 * Futures and tasks against native promises: settling with one done
 * callback, and two tasks handing a counter back and forth (async function
 * tasks and generator tasks). Sized for a 2-core machine (10k futures, 2k
 * hand-offs).
 */

import { EventLoop, type Future } from "../mod.ts";

const FUTURES = 10_000;
const HANDOFFS = 2_000;

Deno.bench({
  name: "Promise + then + resolve",
  group: "10k futures: one done callback, then the result",
  baseline: true,
  async fn() {
    let count = 0;
    const last: Promise<void>[] = [];
    for (let i = 0; i < FUTURES; i++) {
      const { promise, resolve } = Promise.withResolvers<number>();
      last.push(promise.then(() => void count++));
      resolve(i);
    }
    await Promise.all(last);
    if (count !== FUTURES) throw new Error(`ran ${count}`);
  },
});

Deno.bench({
  name: "Future + addDoneCallback + setResult",
  group: "10k futures: one done callback, then the result",
  async fn(b) {
    const loop = new EventLoop();
    let count = 0;
    const onDone = () => void count++;

    b.start();
    for (let i = 0; i < FUTURES; i++) {
      const future = loop.createFuture<number>();
      future.addDoneCallback(onDone);
      future.setResult(i);
    }
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    b.end();

    loop.close();
    if (count !== FUTURES) throw new Error(`ran ${count}`);
  },
});

Deno.bench({
  name: "async functions awaiting fresh promises",
  group: "2k hand-offs between two awaiting tasks",
  baseline: true,
  async fn() {
    const waiting: Array<(value: number) => void> = [];
    async function player(me: 0 | 1): Promise<void> {
      for (;;) {
        const value = await new Promise<number>((resolve) => {
          waiting[me] = resolve;
        });
        if (value >= HANDOFFS) {
          waiting[1 - me]!(-1);
          return;
        }
        if (value < 0) return;
        waiting[1 - me]!(value + 1);
      }
    }
    const done = Promise.all([player(0), player(1)]);
    waiting[0]!(0);
    await done;
  },
});

Deno.bench({
  name: "Tasks awaiting fresh Futures",
  group: "2k hand-offs between two awaiting tasks",
  async fn(b) {
    const loop = new EventLoop();
    const waiting: Future<number>[] = [];
    async function player(me: 0 | 1): Promise<void> {
      for (;;) {
        const future = loop.createFuture<number>();
        waiting[me] = future;
        const value = await future;
        if (value >= HANDOFFS) {
          waiting[1 - me]!.setResult(-1);
          return;
        }
        if (value < 0) return;
        waiting[1 - me]!.setResult(value + 1);
      }
    }

    b.start();
    await loop.runUntilComplete(async () => {
      const a = loop.createTask(() => player(0));
      const c = loop.createTask(() => player(1));
      loop.callSoon(() => waiting[0]!.setResult(0));
      await a;
      await c;
    });
    b.end();

    loop.close();
  },
});

Deno.bench({
  name: "generator Tasks doing yield* on fresh Futures",
  group: "2k hand-offs between two awaiting tasks",
  async fn(b) {
    const loop = new EventLoop();
    const waiting: Future<number>[] = [];
    function* player(me: 0 | 1): Generator<unknown, void> {
      for (;;) {
        const future = loop.createFuture<number>();
        waiting[me] = future;
        const value = yield* future;
        if (value >= HANDOFFS) {
          waiting[1 - me]!.setResult(-1);
          return;
        }
        if (value < 0) return;
        waiting[1 - me]!.setResult(value + 1);
      }
    }

    b.start();
    await loop.runUntilComplete(function* () {
      const a = loop.createTask(player(0));
      const c = loop.createTask(player(1));
      loop.callSoon(() => waiting[0]!.setResult(0));
      yield* a;
      yield* c;
    });
    b.end();

    loop.close();
  },
});
