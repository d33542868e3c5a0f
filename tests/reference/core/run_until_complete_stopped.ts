// A loop stopped before the future completed raises
// "Event loop stopped before Future completed." and leaves the future
// pending, without the loop's done callback.
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();
const fut = loop.createFuture<string>();
loop.callSoon(print, "callback before the stop");
loop.callSoon(() => loop.stop());
loop.callSoon(print, "callback after the stop, same iteration");
try {
  await loop.runUntilComplete(fut);
} catch (e) {
  if (!(e instanceof Error)) throw e;
  print("RuntimeError:", e);
}
print("done:", fut.done());
print(fut);
loop.callSoon((r) => fut.setResult(r), "finally");
print("completed later:", await loop.runUntilComplete(fut));
loop.close();
