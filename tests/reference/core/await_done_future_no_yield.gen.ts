// Awaiting a future that is already done does not wait for an iteration;
// awaiting a pending one does. (Generator tasks.)
import { CancelledError } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

const loop = newLoop();

function* main(): Generator<unknown, string> {
  const done = loop.createFuture<string>();
  done.setResult("ready");
  loop.callSoon(print, "callback queued before the awaits");
  print("awaiting a done future");
  let value = yield* done;
  print("got", value, "without yielding");
  for (let i = 0; i < 3; i++) {
    value = yield* done;
  }
  print("three more awaits, still no yield");

  const failed = loop.createFuture<string>();
  failed.setException(new ValueError("already failed"));
  try {
    yield* failed;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("raised at once:", pyRepr(e));
  }

  const cancelled = loop.createFuture<string>();
  cancelled.cancel();
  try {
    yield* cancelled;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("CancelledError at once");
  }

  const pending = loop.createFuture<string>();
  loop.callSoon((r) => pending.setResult(r), "later");
  print("awaiting a pending future");
  print("got", yield* pending);
  return "main done";
}

print(await loop.runUntilComplete(main));
loop.close();
