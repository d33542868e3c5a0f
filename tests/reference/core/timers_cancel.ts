// Cancelled timers never run: cancelled before the loop, by an earlier timer,
// or after they became due and moved to the ready queue. (Timers at
// different times may share an iteration on a busy real clock: nothing
// printed depends on that.)
import type { TimerHandle } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();
const handles: Record<string, TimerHandle> = {};

function fire(name: string): void {
  print(`${name} fires`);
}

function canceller(): void {
  print("canceller cancels d (a later timer)");
  handles["d"]!.cancel();
  print("d cancelled:", handles["d"]!.cancelled());
}

function makeDuePair(): void {
  print("make_due_pair: x and y are due at once; x cancels y");
  handles["y"] = loop.callLater(-0.001, fire, "y");
  handles["x"] = loop.callLater(-0.002, cancelY);
  loop.callLater(0.01, () => loop.stop());
}

function cancelY(): void {
  print("x runs first and cancels y, already in the ready queue");
  handles["y"]!.cancel();
}

const t0 = loop.time();
const offsets = [["a", 0.01], ["b", 0.02], ["c", 0.03], ["d", 0.05]] as const;
for (const [name, offset] of offsets) {
  handles[name] = loop.callAt(t0 + offset, fire, name);
}
handles["b"]!.cancel();
print("b cancelled before the loop:", handles["b"]!.cancelled());
print("a cancelled:", handles["a"]!.cancelled());
loop.callAt(t0 + 0.04, canceller);
loop.callAt(t0 + 0.06, makeDuePair);
const many: TimerHandle[] = [];
for (let i = 1; i < 200; i++) {
  many.push(loop.callAt(t0 + 0.001 * i, fire, `many ${i}`));
}
for (const h of many) {
  h.cancel();
}
await loop.runForever();
handles["a"]!.cancel();
print("cancel after running: cancelled", handles["a"]!.cancelled());
loop.close();
