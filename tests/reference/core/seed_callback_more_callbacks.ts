// Variation of asyncio_future_callback.py: more callbacks, a second future
// that fails, and a callback added after the result is set.
import { Future, kw, partial, repr } from "../../../mod.ts";
import { currentLoop } from "../_loop.ts";
import { ValueError } from "../_py.ts";

function callback(future: Future<string>, { n }: { n: number }): void {
  if (future.exception() !== undefined) {
    console.log(`${n}: future failed: ${repr(future.exception())}`);
  } else {
    console.log(`${n}: future done: ${future.result()}`);
  }
}

// deno-lint-ignore require-await
async function registerCallbacks(
  future: Future<string>,
  first: number,
  count: number,
): Promise<void> {
  console.log("registering callbacks on future");
  for (let n = first; n < first + count; n++) {
    future.addDoneCallback(partial(callback, kw({ n })));
  }
}

async function main(
  allDone: Future<string>,
  failing: Future<string>,
): Promise<void> {
  await registerCallbacks(allDone, 1, 5);
  await registerCallbacks(failing, 10, 2);
  console.log("setting exception of the failing future");
  failing.setException(new ValueError("failed"));
  console.log("setting result of future");
  allDone.setResult("the result");
  console.log("adding one more callback after the result");
  allDone.addDoneCallback(partial(callback, kw({ n: 6 })));
}

const eventLoop = currentLoop();
try {
  const allDone = new Future<string>();
  const failing = new Future<string>();
  await eventLoop.runUntilComplete(() => main(allDone, failing));
  console.log("run_until_complete returned; callbacks left over run now");
  eventLoop.callSoon(() => eventLoop.stop());
  await eventLoop.runForever();
} finally {
  eventLoop.close();
}
