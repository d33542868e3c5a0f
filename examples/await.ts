/**
 * The seed's asyncio_future_await.py, line for line: a coroutine awaits a
 * future that a callback completes.
 *
 * Run: deno run examples/await.ts
 *
 * @module
 */

import { type EventLoop, Future, getEventLoop, repr } from "../mod.ts";

function markDone(future: Future<string>, result: string): void {
  console.log(`setting future result to ${repr(result)}`);
  future.setResult(result);
}

async function main(loop: EventLoop): Promise<void> {
  const allDone = new Future<string>();

  console.log("scheduling mark_done");
  loop.callSoon(markDone, allDone, "the result");

  const result = await allDone;
  console.log(`returned result: ${repr(result)}`);
}

const eventLoop = getEventLoop();
try {
  await eventLoop.runUntilComplete(main(eventLoop));
} finally {
  eventLoop.close();
}
