// Done callbacks are scheduled with call_soon, in registration order, when
// the future becomes done; one added after that is scheduled at once.
import { type Future, partial } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();
const fut = loop.createFuture<string>();

function cb(i: number, f: Future<string>): void {
  print(`done callback ${i}: ${f.result()}`);
  if (i === 1) {
    f.addDoneCallback(late);
    loop.callSoon(print, "call_soon from done callback 1");
  }
}

function late(f: Future<string>): void {
  print("late callback, added after done:", f.result());
}

function setter(): void {
  print("setter: set_result");
  fut.setResult("r");
  loop.callSoon(print, "queued after set_result");
}

for (let i = 0; i < 3; i++) {
  fut.addDoneCallback(partial(cb, i));
}
loop.callSoon(print, "queued before setter");
loop.callSoon(setter);
loop.callSoon(print, "same iteration as setter");
fut.addDoneCallback(partial(cb, 3));
print(await loop.runUntilComplete(fut));
loop.callSoon(() => loop.stop());
await loop.runForever();
loop.close();
