// Variation of asyncio_future_callback.py: the future is cancelled instead,
// and the callbacks see it cancelled.
import { Future, kw, partial, repr } from "../../../mod.ts";
import { currentLoop } from "../_loop.ts";
import { str } from "../_py.ts";

function callback(future: Future<string>, { n }: { n: number }): void {
  console.log(`${n}: future cancelled: ${str(future.cancelled())}`);
}

// deno-lint-ignore require-await
async function registerCallbacks(allDone: Future<string>): Promise<void> {
  console.log("registering callbacks on future");
  allDone.addDoneCallback(partial(callback, kw({ n: 1 })));
  allDone.addDoneCallback(partial(callback, kw({ n: 2 })));
}

async function main(allDone: Future<string>): Promise<void> {
  await registerCallbacks(allDone);
  console.log(`cancelling the future: ${str(allDone.cancel())}`);
  console.log(`cancelling it again: ${str(allDone.cancel())}`);
}

const eventLoop = currentLoop();
try {
  const allDone = new Future<string>();
  await eventLoop.runUntilComplete(() => main(allDone));
  console.log(`future: ${repr(allDone)}`);
} finally {
  eventLoop.close();
}
