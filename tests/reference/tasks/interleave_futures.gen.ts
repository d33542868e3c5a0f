// A producer hands values to two consumers through futures, some set
// directly, some by callbacks; each consumer resumes in the iteration after
// its future is set, before the callbacks queued behind the setter.
// (Generator tasks.)
import {
  type EventLoop,
  type Future,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function* consumer(
  name: string,
  futs: Future<number>[],
): Generator<unknown, number> {
  let total = 0;
  for (const [i, fut] of futs.entries()) {
    print(`${name} waits for #${i}`);
    const value = yield* fut;
    print(`${name} got ${value}`);
    total += value;
  }
  return total;
}

function* producer(
  loop: EventLoop,
  a: Future<number>[],
  b: Future<number>[],
): Generator<unknown, string> {
  print("producer: sets a[0] directly, b[0] by call_soon");
  a[0]!.setResult(1);
  loop.callSoon((v) => b[0]!.setResult(v), 10);
  loop.callSoon(print, "callback after the setters");
  yield* sleep(0);
  print("producer: sets b[1] then a[1]");
  b[1]!.setResult(20);
  a[1]!.setResult(2);
  yield* sleep(0);
  print("producer: sets a[2] by call_soon, b[2] by call_later(0)");
  loop.callLater(0, (v) => b[2]!.setResult(v), 30);
  loop.callSoon((v) => a[2]!.setResult(v), 3);
  return "produced";
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  const a = Array.from({ length: 3 }, () => loop.createFuture<number>());
  const b = Array.from({ length: 3 }, () => loop.createFuture<number>());
  const ca = loop.createTask(consumer("A", a));
  const cb = loop.createTask(consumer("B", b));
  const p = loop.createTask(producer(loop, a, b));
  print("main:", yield* p, yield* ca, yield* cb);
}

await run(main, { clock });
