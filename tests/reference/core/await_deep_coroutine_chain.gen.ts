// Awaiting a chain of async functions that never suspend does not yield,
// however deep the chain: the task runs on before the callback it queued
// (each level costs a microtask turn in which the library sees nothing).
// (Generator tasks.)
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();

function* deep(n: number): Generator<unknown, number> {
  if (n === 0) return 0;
  return 1 + (yield* deep(n - 1));
}

function* main(): Generator<unknown, void> {
  const fut = loop.createFuture<string>();
  loop.callSoon((r) => fut.setResult(r), "x");
  yield* fut;
  loop.callSoon(print, "callback queued after the resume");
  for (const depth of [5, 20, 100]) {
    print("depth", yield* deep(depth));
  }
  print("main continues before the callback");
  const other = loop.createFuture<string>();
  loop.callSoon((r) => other.setResult(r), "y");
  yield* other;
  print("main done");
}

await loop.runUntilComplete(main);
loop.close();
