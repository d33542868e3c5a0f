// Variation of asyncio_future_await.py: two coroutines await several
// futures that callbacks mark done, with plain callbacks in between.
import { type EventLoop, Future, repr } from "../../../mod.ts";
import { currentLoop } from "../_loop.ts";

function markDone(future: Future<string>, result: string): void {
  console.log(`setting future result to ${repr(result)}`);
  future.setResult(result);
}

async function waiter(
  loop: EventLoop,
  name: string,
  count: number,
): Promise<string[]> {
  const results: string[] = [];
  for (let i = 0; i < count; i++) {
    const fut = new Future<string>();
    console.log(`${name}: scheduling mark_done ${i}`);
    loop.callSoon(markDone, fut, `${name} result ${i}`);
    loop.callSoon(
      console.log,
      `${name}: plain callback after mark_done ${i}`,
    );
    results.push(await fut);
    console.log(`${name}: returned result: ${repr(results.at(-1))}`);
  }
  return results;
}

async function main(loop: EventLoop): Promise<string[]> {
  const other = loop.createTask(() => waiter(loop, "other", 2));
  const mine = await waiter(loop, "main", 3);
  console.log(`main: other done? ${other.done() ? "True" : "False"}`);
  return [...mine, ...await other];
}

const eventLoop = currentLoop();
try {
  console.log(
    repr(await eventLoop.runUntilComplete(() => main(eventLoop))),
  );
} finally {
  eventLoop.close();
}
