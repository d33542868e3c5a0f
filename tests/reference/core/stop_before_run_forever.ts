// stop() before run_forever() makes it run exactly one iteration.
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();
const ran: number[] = [];

function step(n: number): void {
  print(`step ${n}`);
  ran.push(n);
  loop.callSoon(step, n + 1);
}

function timer(): void {
  print("timer: never in the first two runs");
}

loop.callSoon(step, 0);
loop.callSoon(print, "also in the first iteration");
loop.callLater(10, timer);
loop.stop();
await loop.runForever();
print("after first run:", ran);
loop.stop();
loop.stop();
await loop.runForever();
print("after second run:", ran);
const loop2 = newLoop();
loop2.stop();
await loop2.runForever();
print("an empty loop stopped before running returns at once");
loop2.close();
loop.close();
