// Variation of asyncio_future_event_loop.py: mark_done sets an exception,
// and run_until_complete() raises it.
import { Future, repr } from "../../../mod.ts";
import { currentLoop } from "../_loop.ts";
import { ValueError } from "../_py.ts";

function markDone(future: Future<string>, error: Error): void {
  console.log(`setting future exception to ${repr(error)}`);
  future.setException(error);
}

const eventLoop = currentLoop();
let allDone: Future<string>;
try {
  allDone = new Future<string>();

  console.log("scheduling mark_done");
  eventLoop.callSoon(markDone, allDone, new ValueError("the error"));

  console.log("entering event loop");
  try {
    await eventLoop.runUntilComplete(allDone);
  } catch (error) {
    if (!(error instanceof ValueError)) throw error;
    console.log(`run_until_complete raised: ${repr(error)}`);
  }
} finally {
  console.log("closing event loop");
  eventLoop.close();
}

console.log(`future exception: ${repr(allDone.exception())}`);
console.log(`future: ${repr(allDone)}`);
