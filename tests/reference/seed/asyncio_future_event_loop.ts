// The seed's asyncio_future_event_loop.py, line for line.
import { Future, repr } from "../../../mod.ts";
import { currentLoop } from "../_loop.ts";

function markDone(future: Future<string>, result: string): void {
  console.log(`setting future result to ${repr(result)}`);
  future.setResult(result);
}

const eventLoop = currentLoop();
let allDone: Future<string>;
try {
  allDone = new Future<string>();

  console.log("scheduling mark_done");
  eventLoop.callSoon(markDone, allDone, "the result");

  console.log("entering event loop");
  const result = await eventLoop.runUntilComplete(allDone);
  console.log(`returned result: ${repr(result)}`);
} finally {
  console.log("closing event loop");
  eventLoop.close();
}

console.log(`future result: ${repr(allDone.result())}`);
