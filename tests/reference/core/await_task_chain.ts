// A task that awaits another task resumes through the awaited task's done
// callbacks, one iteration after it finishes; a ticker shows the iterations.
import { newLoop } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

const loop = newLoop();

function tick(n: number): void {
  print(`-- tick ${n}`);
  if (n < 10) {
    loop.callSoon(tick, n + 1);
  }
}

async function leaf(name: string): Promise<string> {
  const fut = loop.createFuture<string>();
  loop.callSoon((r) => fut.setResult(r), name);
  print(`${name}: awaiting its future`);
  const value = await fut;
  print(`${name}: finishing`);
  return value.toUpperCase();
}

async function middle(): Promise<string> {
  const inner = loop.createTask(() => leaf("inner"));
  print("middle: awaiting inner task");
  const value = await inner;
  print(`middle: got ${value}; awaiting the finished task again`);
  const again = await inner;
  print(`middle: again ${again}, no yield`);
  return value + "!";
}

async function main(): Promise<string> {
  loop.callSoon(tick, 0);
  const m = loop.createTask(middle);
  print("main: awaiting middle task");
  print(`main: got ${await m}`);
  const failing = loop.createTask(fail);
  try {
    await failing;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("main: awaited task raised", pyRepr(e));
  }
  return "main done";
}

// deno-lint-ignore require-await
async function fail(): Promise<never> {
  print("fail: raises");
  throw new ValueError("from a task");
}

print(await loop.runUntilComplete(main));
loop.close();
