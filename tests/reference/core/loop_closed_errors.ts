// A closed loop refuses to schedule or run; close() drops what was pending
// and is idempotent.
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();

async function attempt(label: string, fn: () => unknown): Promise<void> {
  try {
    const value = fn();
    // Only the runs answer with a promise; a future is not awaited here.
    if (value instanceof Promise) await value;
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    print(`${label}: RuntimeError: ${e.message}`);
    return;
  }
  print(`${label}: no error`);
}

function never(): void {
  print("never runs: close() dropped it");
}

loop.callSoon(never);
loop.callLater(0.01, never);
const fut = loop.createFuture<number>();
print("is_closed before:", loop.isClosed());
loop.close();
print("is_closed after:", loop.isClosed());
loop.close();
print("second close: no error");
await attempt("call_soon", () => loop.callSoon(never));
await attempt("call_later", () => loop.callLater(1, never));
await attempt("call_at", () => loop.callAt(loop.time() + 1, never));
await attempt("run_forever", () => loop.runForever());
await attempt("run_until_complete", () => loop.runUntilComplete(fut));
await attempt("create_future", () => loop.createFuture());
await attempt(
  "set_result on a future of a closed loop with no callbacks",
  () => fut.setResult(1),
);
print("fut done:", fut.done());
const other = loop.createFuture<number>();
other.addDoneCallback(print);
await attempt(
  "set_result on one with a done callback",
  () => other.setResult(2),
);
print("other done anyway:", other.done(), other.result());
await attempt(
  "add_done_callback on a done future",
  () => other.addDoneCallback(print),
);
print("is_running:", loop.isRunning());
