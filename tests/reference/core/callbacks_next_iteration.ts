// A callback scheduled while an iteration runs waits for the next iteration
// (_run_once runs only the ntodo callbacks that were ready when it began).
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();

function a(): void {
  print("a: schedules c");
  loop.callSoon(c);
}

function b(): void {
  print("b: stops the loop");
  loop.stop();
}

function c(): void {
  print("c: schedules d");
  loop.callSoon(d);
}

function d(): void {
  print("d");
}

function tail(): void {
  print("tail: still in the first iteration");
}

loop.callSoon(a);
loop.callSoon(b);
loop.callSoon(tail);
await loop.runForever();
print("first run_forever returned");
loop.stop();
await loop.runForever();
print("second run_forever returned");
loop.callSoon(() => loop.stop());
await loop.runForever();
print("third run_forever returned");
loop.close();
