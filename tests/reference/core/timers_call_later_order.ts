// Timers run in the order of their times, whatever the order in which they
// were scheduled; a ready callback runs before any of them. (The call_at()
// times are exact offsets from one base, so the real clock cannot reorder
// them; the call_later() delays are 10 ms apart.)
import type { TimerHandle } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();

function atTimer(name: string, handleBox: TimerHandle[], t0: number): void {
  print(`call_at ${name}: +${(handleBox[0]!.when() - t0).toFixed(3)}`);
}

function laterTimer(name: string): void {
  print(`call_later ${name}`);
}

function schedule(): void {
  const t0 = loop.time();
  for (
    const [name, offset] of [
      ["c", 0.03],
      ["a", 0.01],
      ["b", 0.02],
      ["first", 0.005],
      ["d", 0.025],
      ["last", 0.04],
    ] as const
  ) {
    const box: TimerHandle[] = [];
    box.push(loop.callAt(t0 + offset, atTimer, name, box, t0));
  }
  loop.callAt(t0 + 0.045, startLaterTimers);
  print("scheduled six call_at timers");
}

function startLaterTimers(): void {
  for (
    const [name, delay] of [
      ["0.03", 0.03],
      ["0.01", 0.01],
      ["0.05", 0.05],
      ["0.02", 0.02],
      ["0.04", 0.04],
    ] as const
  ) {
    loop.callLater(delay, laterTimer, name);
  }
  loop.callLater(0.06, () => loop.stop());
}

loop.callSoon(schedule);
loop.callSoon(print, "a ready callback runs before any timer");
await loop.runForever();
loop.close();
