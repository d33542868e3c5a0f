// run_until_complete() stops the loop through a done callback: the rest of
// the iteration in which that callback runs still runs.
import type { Future } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();
const fut = loop.createFuture<string>();

function a(): void {
  print("a: set_result, then schedule d");
  fut.setResult("A");
  loop.callSoon(d);
}

function b(): void {
  print("b: same iteration as a");
}

function c(): void {
  print("c: same iteration as a");
}

function d(): void {
  print("d: same iteration as the stop callback, so it runs");
  loop.callSoon(e);
}

function e(): void {
  print("e: the iteration after the stop, so it waits");
}

function userCb(f: Future<string>): void {
  print("user done callback, registered first:", f.result());
}

fut.addDoneCallback(userCb);
loop.callSoon(a);
loop.callSoon(b);
loop.callSoon(c);
print("returned", await loop.runUntilComplete(fut));
print("e not yet run; run again");
loop.callSoon(() => loop.stop());
await loop.runForever();
loop.close();
