// The ceiling of the loop's resume design, measured on a model with nothing
// else in it (issue #12's share-of-floor target):
//   deno run -A bench/resume_model.mjs   |   node bench/resume_model.mjs
//
// Three versions of await_pingpong's two players, each in its own process
// (in one process, the players' code would see three kinds of future and
// slow down for all), interleaved over ROUNDS rounds; each process reports
// its best of RUNS runs, after as many for warm-up. Printed as hand-offs/s,
// median over the rounds, and as a share of the first, paired per round:
//   floor     the players pass a counter through a settle-once thenable, no
//             loop (bench/_workloads.mjs's floor_pingpong);
//   model     a loop that keeps the ordering rule as _scheduler.ts does: a wakeup
//             runs from a ready queue, the loop pauses until the woken code
//             suspends (its next then() on a future), and goes on in a
//             reaction it registered (a fresh "pause" promise); a future is a
//             thenable whose then() returns a promise, as the spec asks;
//   model-no-then-promise  the same, but then() returns nothing (not
//             spec-conformant: `future.then(f).then(g)` would break); it
//             shows what the promise each then() returns costs.
// No tasks, no cancellation, no async context, no checks: the library's
// await_pingpong does all that `model` does, and more.

import { execFileSync } from "node:child_process";
import process from "node:process";
import { Baton } from "./_workloads.mjs";

const N = 200_000;
const ROUNDS = 5;
const RUNS = 20;

let capturedPause;
function capturePause(resolve) {
  capturedPause = resolve;
}
let capturedResolve;
function capture(resolve) {
  capturedResolve = resolve;
}

/** The model loop: a ready queue and the pause after each wakeup. */
class ModelLoop {
  ready = [];
  head = 0;
  resolvePause = undefined;
  goOn = () => this.pump();

  pump() {
    if (this.head === this.ready.length) return;
    const waiter = this.ready[this.head++];
    // Compacted now and then (emptying it each time would reallocate it).
    if (this.head === 1024) {
      this.ready = this.ready.slice(this.head);
      this.head = 0;
    }
    waiter.wake();
    // Wait for the woken code's suspension, going on in the loop's reaction.
    new Promise(capturePause).then(this.goOn);
    this.resolvePause = capturedPause;
  }

  /** The woken code suspended (or ended). */
  suspended() {
    const resolve = this.resolvePause;
    if (resolve === undefined) return;
    this.resolvePause = undefined;
    resolve();
  }
}

/** One await: what its wakeup needs. */
class Waiter {
  constructor(future, onFulfilled, resolve) {
    this.future = future;
    this.onFulfilled = onFulfilled;
    this.resolve = resolve;
  }
  wake() {
    const value = this.onFulfilled(this.future.value);
    if (this.resolve !== undefined) this.resolve(value);
  }
}

function modelFuture(thenPromise) {
  return class ModelFuture {
    constructor(loop) {
      this.loop = loop;
      this.value = undefined;
      this.waiter = undefined;
    }
    then(onFulfilled) {
      let promise;
      let resolve;
      if (thenPromise) {
        promise = new Promise(capture);
        resolve = capturedResolve;
        capturedResolve = undefined;
      }
      this.waiter = new Waiter(this, onFulfilled, resolve);
      this.loop.suspended();
      return promise;
    }
    setResult(value) {
      this.value = value;
      this.loop.ready.push(this.waiter);
    }
  };
}

async function players(make, loop) {
  const waiting = [];
  let handoffs = 0;
  async function player(me) {
    const other = 1 - me;
    for (;;) {
      const future = make();
      waiting[me] = future;
      const value = await future;
      if (value < 0 || value >= N) {
        if (value >= N) waiting[other].setResult(-1);
        loop?.suspended();
        return value;
      }
      handoffs++;
      waiting[other].setResult(value + 1);
    }
  }
  const start = performance.now();
  const a = player(0);
  const b = player(1);
  // Both players wait (their then() runs a microtask after the await).
  await null;
  await null;
  waiting[0].setResult(0);
  loop?.pump();
  const results = [await a, await b];
  const seconds = (performance.now() - start) / 1000;
  if (handoffs !== N || !results.includes(N) || !results.includes(-1)) {
    throw new Error(`${handoffs} hand-offs, results ${results}`);
  }
  return N / seconds;
}

const VERSIONS = {
  "floor": () => players(() => new Baton(), undefined),
  "model": () => {
    const loop = new ModelLoop();
    const Future = modelFuture(true);
    return players(() => new Future(loop), loop);
  },
  "model-no-then-promise": () => {
    const loop = new ModelLoop();
    const Future = modelFuture(false);
    return players(() => new Future(loop), loop);
  },
};

const version = process.argv[2];
if (version !== undefined) {
  // One version, in this process.
  let best = 0;
  for (let run = 0; run < 2 * RUNS; run++) {
    const opsPerSec = await VERSIONS[version]();
    if (run >= RUNS) best = Math.max(best, opsPerSec);
  }
  console.log(best);
} else {
  const deno = typeof Deno === "object";
  const self = new URL(import.meta.url).pathname;
  const measure = (name) =>
    Number(execFileSync(
      process.execPath,
      deno ? ["run", "-A", self, name] : [self, name],
      { encoding: "utf8" },
    ));
  const results = Object.fromEntries(
    Object.keys(VERSIONS).map((name) => [name, []]),
  );
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of Object.keys(VERSIONS)) {
      results[name].push(measure(name));
    }
  }
  const median = (values) =>
    values.toSorted((a, b) => a - b)[values.length >> 1];
  const runtime = deno
    ? `Deno ${Deno.version.deno}`
    : `Node.js ${process.version}`;
  console.log(
    `${runtime}: ${ROUNDS} rounds, best of ${RUNS} runs of ${N} hand-offs each`,
  );
  for (const [name, values] of Object.entries(results)) {
    const shares = values.map((v, round) => v / results.floor[round]);
    console.log(
      `${name.padEnd(24)} ${(median(values) / 1e6).toFixed(2)}M hand-offs/s  ` +
        `${(median(shares) * 100).toFixed(0).padStart(3)}% of floor ` +
        `[${(Math.min(...shares) * 100).toFixed(0)}-${
          (Math.max(...shares) * 100).toFixed(0)
        }%]`,
    );
  }
}
