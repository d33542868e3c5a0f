// run_until_complete() of a failed or cancelled future raises its exception
// after running one iteration.
import { CancelledError } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print, pyRepr, str, typeName, ValueError } from "../_py.ts";

const loop = newLoop();

const failed = loop.createFuture<string>();
failed.setException(new ValueError("boom"));
loop.callSoon(print, "callback in the iteration");
try {
  await loop.runUntilComplete(failed);
} catch (e) {
  if (!(e instanceof ValueError)) throw e;
  print("raised", pyRepr(e));
}

const later = loop.createFuture<string>();
loop.callSoon(
  (e) => later.setException(e),
  new ValueError("set in a callback"),
);
try {
  await loop.runUntilComplete(later);
} catch (e) {
  if (!(e instanceof ValueError)) throw e;
  print("raised", pyRepr(e));
}

const cancelled = loop.createFuture<string>();
cancelled.cancel();
try {
  await loop.runUntilComplete(cancelled);
} catch (e) {
  if (!(e instanceof CancelledError)) throw e;
  print("raised", typeName(e), pyRepr(str(e)));
}

const msg = loop.createFuture<string>();
loop.callSoon((m) => msg.cancel(m), "with a message");
try {
  await loop.runUntilComplete(msg);
} catch (e) {
  if (!(e instanceof CancelledError)) throw e;
  print("raised", typeName(e), pyRepr(str(e)));
}
loop.close();
