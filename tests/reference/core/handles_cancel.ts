// A cancelled call_soon handle never runs, even when a callback of the same
// iteration cancels it; cancel() twice is harmless.
import type { Handle } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();

function cb(name: string): void {
  print(`${name} runs`);
}

function cancelH3(): void {
  print("cancel_h3: h3 is in this iteration, behind me");
  h3.cancel();
  h3.cancel();
}

const h1 = loop.callSoon(cb, "h1");
loop.callSoon(cancelH3);
const h2 = loop.callSoon(cb, "h2");
const h3 = loop.callSoon(cb, "h3");
h2.cancel();
print("h2 cancelled:", h2.cancelled(), "h1 cancelled:", h1.cancelled());
loop.callSoon(cb, "h4");
loop.callSoon(() => loop.stop());
await loop.runForever();
print("first run done, h3 cancelled:", h3.cancelled());

function cancelLater(): void {
  for (const h of later) {
    h.cancel();
  }
}

const later: Handle[] = [];
loop.callSoon(cancelLater);
later.push(loop.callSoon(cb, "cancelled by the callback before it"));
later.push(loop.callSoon(cb, "this one too"));
loop.callSoon(cb, "not cancelled");
loop.callSoon(() => loop.stop());
await loop.runForever();
print("second run done");

const h5 = loop.callSoon(cb, "h5");
loop.callSoon(() => loop.stop());
await loop.runForever();
h5.cancel();
print("cancelled after it ran:", h5.cancelled());
loop.close();
