// A task's wakeup is a done callback like any other: registered between two
// user callbacks, the task resumes between them and runs to its next yield*
// before the second one runs. (Generator tasks.)
import type { Future } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();
const fut = loop.createFuture<string>();
const second = loop.createFuture<string>();

function cb(name: string): (f: Future<string>) => void {
  return function done(f: Future<string>): void {
    print(`${name}: result ${f.result()}`);
  };
}

function* waiter(): Generator<unknown, void> {
  print("waiter: awaiting fut");
  const value = yield* fut;
  print(`waiter: resumed with ${value}; sets second, awaits a done future`);
  second.setResult("from waiter");
  yield* second;
  print("waiter: no yield; now awaits a pending future");
  const third = loop.createFuture<string>();
  loop.callSoon((r) => third.setResult(r), "third");
  print("waiter:", yield* third);
}

function registerLate(): void {
  fut.addDoneCallback(cb("cb2 (after the await)"));
  second.addDoneCallback(cb("second cb"));
  loop.callSoon((r) => fut.setResult(r), "x");
}

fut.addDoneCallback(cb("cb1 (before the await)"));
const task = loop.createTask(waiter);
loop.callSoon(registerLate);
await loop.runUntilComplete(task);
loop.close();
