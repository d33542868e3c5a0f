// The seed's asyncio_future_callback.py, line for line:
// `functools.partial(callback, n=1)` is `partial(callback, kw({ n: 1 }))`.
import { Future, kw, partial } from "../../../mod.ts";
import { currentLoop } from "../_loop.ts";

function callback(future: Future<string>, { n }: { n: number }): void {
  console.log(`${n}: future done: ${future.result()}`);
}

// deno-lint-ignore require-await
async function registerCallbacks(allDone: Future<string>): Promise<void> {
  console.log("registering callbacks on future");
  allDone.addDoneCallback(partial(callback, kw({ n: 1 })));
  allDone.addDoneCallback(partial(callback, kw({ n: 2 })));
}

async function main(allDone: Future<string>): Promise<void> {
  await registerCallbacks(allDone);
  console.log("setting result of future");
  allDone.setResult("the result");
}

const eventLoop = currentLoop();
try {
  const allDone = new Future<string>();
  await eventLoop.runUntilComplete(() => main(allDone));
} finally {
  eventLoop.close();
}
