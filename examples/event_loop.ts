/**
 * The seed's asyncio_future_event_loop.py, line for line: a future that a
 * callback completes, run with runUntilComplete.
 *
 * Run: deno run examples/event_loop.ts
 *
 * @module
 */

import {
  type Future,
  Future as AsyncioFuture,
  getEventLoop,
  repr,
} from "../mod.ts";

function markDone(future: Future<string>, result: string): void {
  console.log(`setting future result to ${repr(result)}`);
  future.setResult(result);
}

const eventLoop = getEventLoop();
let allDone: Future<string>;
try {
  allDone = new AsyncioFuture<string>();

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
