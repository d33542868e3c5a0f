// Code that awaits a pending future resumes inside the task's wakeup
// callback and runs to its next await before the loop runs the next ready
// callback.
import type { Future } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();
const f1 = loop.createFuture<number>();
const f2 = loop.createFuture<number>();

async function waiter(name: string, fut: Future<number>): Promise<number> {
  print(`${name}: waiting`);
  const value = await fut;
  print(`${name}: got ${value}`);
  loop.callSoon(print, `${name}: callback scheduled after the resume`);
  print(`${name}: still running before any other callback`);
  return value;
}

function resolveBoth(): void {
  print("resolve_both: f2 first, then f1");
  f2.setResult(2);
  f1.setResult(1);
  loop.callSoon(print, "scheduled by resolve_both, after the wakeups");
}

const t1 = loop.createTask(() => waiter("t1", f1));
const t2 = loop.createTask(() => waiter("t2", f2));
loop.callSoon(resolveBoth);
loop.callSoon(print, "queued behind resolve_both");
print("t1 result", await loop.runUntilComplete(t1));
print("t2 done", t2.done());
loop.stop();
await loop.runForever();
loop.close();
