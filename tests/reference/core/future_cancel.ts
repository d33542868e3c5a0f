// cancel() returns True only when it cancels a pending future; the done
// callbacks of a cancelled future see it cancelled.
import { CancelledError, type Future } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print, pyRepr, str, ValueError } from "../_py.ts";

const loop = newLoop();

function onDone(f: Future<number>): void {
  print("callback: cancelled", f.cancelled(), "done", f.done());
}

const fut = loop.createFuture<number>();
fut.addDoneCallback(onDone);
print("cancel pending:", fut.cancel());
print("cancel again:", fut.cancel());
print("cancel with a message after:", fut.cancel("late"));

const finished = loop.createFuture<number>();
finished.setResult(1);
print("cancel finished:", finished.cancel(), finished.cancelled());

const failed = loop.createFuture<number>();
failed.setException(new ValueError("x"));
print("cancel failed:", failed.cancel(), failed.cancelled());

function cancelInCallback(): void {
  print("cancel in a callback:", target.cancel("stopped"));
  print("and again:", target.cancel());
}

const target = loop.createFuture<number>();
target.addDoneCallback(onDone);
loop.callSoon(cancelInCallback);
try {
  await loop.runUntilComplete(target);
} catch (e) {
  if (!(e instanceof CancelledError)) throw e;
  print("run_until_complete: CancelledError", pyRepr(str(e)));
}
loop.callSoon(() => loop.stop());
await loop.runForever();
loop.close();
