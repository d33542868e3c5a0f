// A callback that raises goes to the exception handler, with the context
// asyncio builds, and the loop keeps going. Python adds " at FILE:LINE"
// after the callback in the message: it is removed before printing.
import type { EventLoop, ExceptionContext, Future } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

const loop = newLoop();

function norm(text: string): string {
  return text.replace(/ at [^ ]+:[0-9]+/g, "");
}

function handler(handlerLoop: EventLoop, context: ExceptionContext): void {
  print("handler: loop is ours:", handlerLoop === loop);
  print("handler: message:", norm(context.message));
  print(
    "handler: prefix:",
    context.message.startsWith("Exception in callback"),
  );
  print("handler: exception:", pyRepr(context.exception));
  print(
    "handler: keys:",
    Object.keys(context).sort((a, b) => a < b ? -1 : a > b ? 1 : 0),
  );
  if ("handle" in context) {
    print("handler: handle type:", context.handle!.constructor.name);
  }
}

function boom(x: number | string): void {
  print(`boom(${x}) runs`);
  throw new ValueError(`bad ${x}`);
}

function failing(fut: Future<string>): void {
  throw new ValueError(`done callback saw ${fut.result()}`);
}

loop.setExceptionHandler(handler);
print("handler set:", loop.getExceptionHandler() === handler);
loop.callSoon(boom, 1);
loop.callSoon(print, "the loop keeps going");
loop.callLater(0.01, boom, "timer");
const fut = loop.createFuture<string>();
fut.addDoneCallback(failing);

function stage2(): void {
  fut.setResult("r");
  loop.callLater(0.01, stage3);
}

function stage3(): void {
  loop.callExceptionHandler({ message: "by hand" });
  loop.callSoon(() => loop.stop());
}

loop.callLater(0.02, stage2);
await loop.runForever();
print("after the run");
loop.close();
