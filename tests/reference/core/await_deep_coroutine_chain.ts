// Awaiting a chain of async functions that never suspend does not yield,
// however deep the chain: the task runs on before the callback it queued
// (each level costs a microtask turn in which the library sees nothing).
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();

async function deep(n: number): Promise<number> {
  if (n === 0) return 0;
  return 1 + await deep(n - 1);
}

async function main(): Promise<void> {
  const fut = loop.createFuture<string>();
  loop.callSoon((r) => fut.setResult(r), "x");
  await fut;
  loop.callSoon(print, "callback queued after the resume");
  for (const depth of [5, 20, 100]) {
    print("depth", await deep(depth));
  }
  print("main continues before the callback");
  const other = loop.createFuture<string>();
  loop.callSoon((r) => other.setResult(r), "y");
  await other;
  print("main done");
}

await loop.runUntilComplete(main);
loop.close();
