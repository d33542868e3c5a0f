// repr() of handles. Python adds " at FILE:LINE" after the callback and a
// TimerHandle shows its clock time: both are replaced before printing.
import { type Future, type Handle, kw, partial } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();

function show(label: string, handle: Handle): void {
  const text = String(handle)
    .replace(/ at [^ ]+:[0-9]+/g, "")
    .replace(/when=[0-9.e+-]+/g, "when=T");
  print(`${label}: ${text}`);
}

function settle(_future: Future<string>, _result: string): void {}

function cb(..._args: unknown[]): void {}

const fut = loop.createFuture<string>();
show("call_soon", loop.callSoon(settle, fut, "the result"));
show("no arguments", loop.callSoon(cb));
show("numbers", loop.callSoon(cb, 1, 2, 3));
show("partial", loop.callSoon(partial(cb, 1), 2));
show("partial with keywords", loop.callSoon(partial(cb, 1, kw({ n: 2 }))));
show(
  "nested partial",
  loop.callSoon(partial(partial(cb, "a"), "b", kw({ k: "v" })), "c"),
);
const cancelled = loop.callSoon(cb, "x");
cancelled.cancel();
show("cancelled", cancelled);
const t0 = loop.time();
const timer = loop.callLater(10, settle, fut, "later");
show("call_later", timer);
print("when - time():", `${(timer.when() - t0).toFixed(1)}`);
timer.cancel();
show("cancelled timer", timer);
const at = loop.callAt(t0 + 5, cb);
show("call_at", at);
print("call_at when - time():", `${(at.when() - t0).toFixed(1)}`);
loop.close();
