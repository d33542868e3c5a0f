// A task that awaits another task resumes through the awaited task's done
// callbacks, one iteration after it finishes; a ticker shows the iterations.
// (Generator tasks.)
import { newLoop } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

const loop = newLoop();

function tick(n: number): void {
  print(`-- tick ${n}`);
  if (n < 10) {
    loop.callSoon(tick, n + 1);
  }
}

function* leaf(name: string): Generator<unknown, string> {
  const fut = loop.createFuture<string>();
  loop.callSoon((r) => fut.setResult(r), name);
  print(`${name}: awaiting its future`);
  const value = yield* fut;
  print(`${name}: finishing`);
  return value.toUpperCase();
}

function* middle(): Generator<unknown, string> {
  const inner = loop.createTask(leaf("inner"));
  print("middle: awaiting inner task");
  const value = yield* inner;
  print(`middle: got ${value}; awaiting the finished task again`);
  const again = yield* inner;
  print(`middle: again ${again}, no yield`);
  return value + "!";
}

function* main(): Generator<unknown, string> {
  loop.callSoon(tick, 0);
  const m = loop.createTask(middle);
  print("main: awaiting middle task");
  print(`main: got ${yield* m}`);
  const failing = loop.createTask(fail);
  try {
    yield* failing;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("main: awaited task raised", pyRepr(e));
  }
  return "main done";
}

// deno-lint-ignore require-yield
function* fail(): Generator<unknown, never> {
  print("fail: raises");
  throw new ValueError("from a task");
}

print(await loop.runUntilComplete(main));
loop.close();
