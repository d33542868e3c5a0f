// stop() lets the current iteration finish; what that iteration scheduled
// runs on the next run.
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();

function a(): void {
  print("a: schedules d");
  loop.callSoon(d);
}

function stopper(): void {
  print("stopper: stop()");
  loop.stop();
  print("stopper: is_running", loop.isRunning());
}

function b(): void {
  print("b: runs after stop() in the same iteration");
}

function c(): void {
  print("c: stop() again");
  loop.stop();
}

function d(): void {
  print("d: ran on the next run");
}

loop.callSoon(a);
loop.callSoon(stopper);
loop.callSoon(b);
loop.callSoon(c);
await loop.runForever();
print("run_forever returned, is_running", loop.isRunning());
loop.callSoon(() => loop.stop());
await loop.runForever();
print("second run returned");
loop.close();
