/**
 * The seed's asyncio_future_callback.py, line for line: done callbacks,
 * with `n` bound by name as `functools.partial(callback, n=1)` binds it.
 *
 * Run: deno run examples/callback.ts
 *
 * @module
 */

import { Future, getEventLoop, kw, partial } from "../mod.ts";

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

const eventLoop = getEventLoop();
try {
  const allDone = new Future<string>();
  await eventLoop.runUntilComplete(main(allDone));
} finally {
  eventLoop.close();
}
