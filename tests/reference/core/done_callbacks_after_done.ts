// On a future that is already done, add_done_callback() schedules the
// callback at once, between the callbacks queued before and after it.
import type { Future } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

const loop = newLoop();
const fut = loop.createFuture<string>();
fut.setException(new ValueError("failed already"));

function a(f: Future<string>): void {
  print("a: exception", pyRepr(f.exception()));
}

function b(f: Future<string>): void {
  print("b: done", f.done());
}

loop.callSoon(print, "x: queued first");
fut.addDoneCallback(a);
loop.callSoon(print, "y: queued between");
fut.addDoneCallback(b);
print("remove a after scheduling:", fut.removeDoneCallback(a));
fut.addDoneCallback(a);
loop.callSoon(() => loop.stop());
await loop.runForever();
print("cancel a done future:", fut.cancel());
loop.close();
