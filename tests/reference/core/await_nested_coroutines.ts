// A coroutine that awaits another coroutine does not yield by itself: only
// the awaits of pending futures inside do (a future resolved before it is
// awaited does not yield either).
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();

function tick(n: number): void {
  print(`-- tick ${n}`);
  if (n < 8) {
    loop.callSoon(tick, n + 1);
  }
}

async function leaf(name: string, delayIterations: number): Promise<string> {
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
  const value = await fut;
  print(`leaf ${name}: resumed`);
  return value;
}

async function middle(name: string): Promise<string> {
  print(`middle ${name}: calls leaf`);
  const first = await leaf(name + "1", 1);
  const second = await leaf(name + "2", 0);
  print(`middle ${name}: ${first} ${second}`);
  return first + second;
}

async function main(): Promise<string> {
  loop.callSoon(tick, 0);
  print("main: start");
  const a = await middle("a");
  const b = await middle("b");
  print("main:", a, b);
  return a + b;
}

print(await loop.runUntilComplete(main));
loop.close();
