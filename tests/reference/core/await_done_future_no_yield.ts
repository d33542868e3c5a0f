// Awaiting a future that is already done does not wait for an iteration;
// awaiting a pending one does.
import { CancelledError } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

const loop = newLoop();

async function main(): Promise<string> {
  const done = loop.createFuture<string>();
  done.setResult("ready");
  loop.callSoon(print, "callback queued before the awaits");
  print("awaiting a done future");
  let value = await done;
  print("got", value, "without yielding");
  for (let i = 0; i < 3; i++) {
    value = await done;
  }
  print("three more awaits, still no yield");

  const failed = loop.createFuture<string>();
  failed.setException(new ValueError("already failed"));
  try {
    await failed;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("raised at once:", pyRepr(e));
  }

  const cancelled = loop.createFuture<string>();
  cancelled.cancel();
  try {
    await cancelled;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("CancelledError at once");
  }

  const pending = loop.createFuture<string>();
  loop.callSoon((r) => pending.setResult(r), "later");
  print("awaiting a pending future");
  print("got", await pending);
  return "main done";
}

print(await loop.runUntilComplete(main));
loop.close();
