// A coroutine that awaits another coroutine does not yield by itself: only
// the awaits of pending futures inside do (a future resolved before it is
// awaited does not yield either). (Generator tasks.)
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();

function tick(n: number): void {
  print(`-- tick ${n}`);
  if (n < 8) {
    loop.callSoon(tick, n + 1);
  }
}

function* leaf(
  name: string,
  delayIterations: number,
): Generator<unknown, string> {
  const fut = loop.createFuture<string>();

  function resolve(n: number): void {
    if (n === 0) {
      fut.setResult(name.toUpperCase());
    } else {
      loop.callSoon(resolve, n - 1);
    }
  }

  resolve(delayIterations);
  print(`leaf ${name}: awaiting`);
  const value = yield* fut;
  print(`leaf ${name}: resumed`);
  return value;
}

function* middle(name: string): Generator<unknown, string> {
  print(`middle ${name}: calls leaf`);
  const first = yield* leaf(name + "1", 1);
  const second = yield* leaf(name + "2", 0);
  print(`middle ${name}: ${first} ${second}`);
  return first + second;
}

function* main(): Generator<unknown, string> {
  loop.callSoon(tick, 0);
  print("main: start");
  const a = yield* middle("a");
  const b = yield* middle("b");
  print("main:", a, b);
  return a + b;
}

print(await loop.runUntilComplete(main));
loop.close();
