// run_until_complete() of a future that is already done still runs one
// iteration, and only one.
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();
const fut = loop.createFuture<string>();
fut.setResult("already");

function a(): void {
  print("a: runs in that one iteration, schedules b");
  loop.callSoon(b);
}

function b(): void {
  print("b: runs in the next run_until_complete");
  loop.callSoon(c);
}

function c(): void {
  print("c: left over");
}

loop.callSoon(a);
print("first", await loop.runUntilComplete(fut));
print("second", await loop.runUntilComplete(fut));
print("done callbacks left on the future:", fut.removeDoneCallback(print));
loop.close();
