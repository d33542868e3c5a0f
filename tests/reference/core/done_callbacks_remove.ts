// remove_done_callback() removes every registration of the callback and
// returns how many; removing it once it is scheduled does nothing.
import { type Future, partial } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();
const fut = loop.createFuture<null>();

function f(_fut: Future<null>): void {
  print("f runs");
}

function g(fut: Future<null>): void {
  print("g runs");
  print("g removes h, already scheduled:", fut.removeDoneCallback(h));
}

function h(_fut: Future<null>): void {
  print("h runs anyway");
}

function cb(n: number, _fut: Future<null>): void {
  print(`cb ${n} runs`);
}

fut.addDoneCallback(f);
fut.addDoneCallback(g);
fut.addDoneCallback(f);
fut.addDoneCallback(h);
fut.addDoneCallback(f);
print("remove f:", fut.removeDoneCallback(f));
print("remove f again:", fut.removeDoneCallback(f));
const p1 = partial(cb, 1);
fut.addDoneCallback(p1);
fut.addDoneCallback(p1);
fut.addDoneCallback(partial(cb, 2));
print(
  "remove an equal-looking partial:",
  fut.removeDoneCallback(partial(cb, 1)),
);
print("remove p1:", fut.removeDoneCallback(p1));
print("remove print, never added:", fut.removeDoneCallback(print));
loop.callSoon((r) => fut.setResult(r), null);
await loop.runUntilComplete(fut);
loop.close();
