// Variation of asyncio_future_await.py: mark_done sets an exception, which
// the await raises in main.
import { type EventLoop, Future, repr } from "../../../mod.ts";
import { currentLoop } from "../_loop.ts";
import { ValueError } from "../_py.ts";

function markDone(future: Future<string>, error: Error): void {
  console.log(`setting future exception to ${repr(error)}`);
  future.setException(error);
}

async function main(loop: EventLoop): Promise<string | undefined> {
  const allDone = new Future<string>();

  console.log("scheduling mark_done");
  loop.callSoon(markDone, allDone, new ValueError("the error"));

  let result: string;
  try {
    result = await allDone;
  } catch (error) {
    if (!(error instanceof ValueError)) throw error;
    console.log(`await raised: ${repr(error)}`);
    return "recovered";
  }
  console.log(`returned result: ${repr(result)}`);
}

const eventLoop = currentLoop();
try {
  console.log(
    `main returned ${
      repr(await eventLoop.runUntilComplete(() => main(eventLoop)))
    }`,
  );
} finally {
  eventLoop.close();
}
