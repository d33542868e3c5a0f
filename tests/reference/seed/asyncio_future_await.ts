// The seed's asyncio_future_await.py, line for line; `main(eventLoop)`
// becomes `() => main(eventLoop)`, which the task starts on the loop's
// schedule, as asyncio starts a coroutine.
import { type EventLoop, Future, repr } from "../../../mod.ts";
import { currentLoop } from "../_loop.ts";

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

const eventLoop = currentLoop();
try {
  await eventLoop.runUntilComplete(() => main(eventLoop));
} finally {
  eventLoop.close();
}
