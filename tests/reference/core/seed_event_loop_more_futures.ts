// Variation of asyncio_future_event_loop.py: several futures, marked done by
// callbacks in an order that differs from the order they are waited for.
import { Future, repr } from "../../../mod.ts";
import { currentLoop } from "../_loop.ts";

function markDone(future: Future<string>, result: string): void {
  console.log(`setting future result to ${repr(result)}`);
  future.setResult(result);
}

const eventLoop = currentLoop();
let futures: Future<string>[];
try {
  futures = Array.from({ length: 3 }, () => new Future<string>());

  console.log("scheduling mark_done three times, last future first");
  for (let i = 2; i >= 0; i--) {
    eventLoop.callSoon(markDone, futures[i]!, `result ${i}`);
  }

  for (const [i, future] of futures.entries()) {
    console.log(`entering event loop for future ${i}`);
    const result = await eventLoop.runUntilComplete(future);
    console.log(`returned result: ${repr(result)}`);
  }
  console.log("running once more for an already done future");
  console.log(
    `returned result: ${repr(await eventLoop.runUntilComplete(futures[0]!))}`,
  );
} finally {
  console.log("closing event loop");
  eventLoop.close();
}

console.log(`future results: ${repr(futures.map((f) => f.result()))}`);
