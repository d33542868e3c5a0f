// With the default handler, a callback's exception is logged to stderr (not
// stdout) and the loop keeps going; a handler that raises is itself logged.
import type { EventLoop, ExceptionContext } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print, typeName, ValueError } from "../_py.ts";

const loop = newLoop();

function boom(): void {
  print("boom raises");
  throw new ValueError("to stderr");
}

function badHandler(_loop: EventLoop, context: ExceptionContext): void {
  print("bad handler called for:", typeName(context.exception));
  throw new Error("the handler fails too");
}

print("default handler:", loop.getExceptionHandler());
loop.callSoon(boom);
loop.callSoon(print, "next callback runs");
loop.callSoon(() => loop.stop());
await loop.runForever();

loop.setExceptionHandler(badHandler);
loop.callSoon(boom);
loop.callSoon(print, "still running after the handler raised");
loop.callSoon(() => loop.stop());
await loop.runForever();

loop.setExceptionHandler(null);
print("reset to default:", loop.getExceptionHandler());
loop.callSoon(boom);
loop.callSoon(() => loop.stop());
await loop.runForever();
print("done");
loop.close();
