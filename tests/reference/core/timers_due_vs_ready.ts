// Due timers go to the ready queue behind the callbacks already there:
// call_later(0), a negative delay and call_at() in the past run behind
// callbacks queued before and after them in the same callback. (Each step
// schedules the next one, so the real clock cannot reorder them.)
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();

function fromATimer(): void {
  print("from_a_timer: schedules a, z(call_later 0), b");
  loop.callSoon(print, "a");
  loop.callLater(0, print, "z: call_later(0)");
  loop.callSoon(print, "b");
  loop.callLater(0.01, mixed);
}

function mixed(): void {
  print(
    "mixed: call_later(-0.002), call_at(past), call_soon, call_later(-0.001)",
  );
  loop.callLater(-0.002, print, "negative delay, earliest time");
  loop.callAt(loop.time() - 0.0015, print, "call_at in the past, middle time");
  loop.callSoon(print, "call_soon, queued after the timers");
  loop.callLater(-0.001, print, "negative delay, latest time");
  loop.callSoon(chained);
  loop.callLater(0.01, zeroThenSoon);
}

function chained(): void {
  print("chained: call_soon, same iteration as the due timers, before them");
}

function zeroThenSoon(): void {
  loop.callLater(0, print, "zero timer scheduled first");
  loop.callSoon(print, "call_soon scheduled second, runs first");
  loop.callLater(0.01, () => loop.stop());
}

loop.callLater(0.01, fromATimer);
await loop.runForever();
loop.close();
