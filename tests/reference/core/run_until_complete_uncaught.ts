// A failed future's exception, uncaught, ends the program with exit code 1
// after the output so far.
import { newLoop } from "../_loop.ts";
import { print, ValueError } from "../_py.ts";

const loop = newLoop();
const fut = loop.createFuture<string>();
loop.callSoon(
  (e) => fut.setException(e),
  new ValueError("nobody catches this"),
);
print("before");
await loop.runUntilComplete(fut);
print("never printed");
