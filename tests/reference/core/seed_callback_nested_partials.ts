// Variation of asyncio_future_callback.py: partials of partials, positional
// and keyword arguments mixed, bound at different levels. (Python's `n`
// may be bound by one partial and `suffix` by another, so both keywords
// are optional in the options object here.)
import { Future, kw, partial } from "../../../mod.ts";
import { currentLoop } from "../_loop.ts";

function callback(
  prefix: string,
  future: Future<string>,
  { n, suffix = "." }: { n?: number; suffix?: string },
): void {
  console.log(`${prefix}${n}: future done: ${future.result()}${suffix}`);
}

// deno-lint-ignore require-await
async function registerCallbacks(allDone: Future<string>): Promise<void> {
  console.log("registering callbacks on future");
  const base = partial(callback, "#");
  allDone.addDoneCallback(partial(base, kw({ n: 1 })));
  allDone.addDoneCallback(partial(base, kw({ n: 2, suffix: "!" })));
  const withSuffix = partial(callback, kw({ suffix: "?" }));
  allDone.addDoneCallback(partial(withSuffix, "*", kw({ n: 3 })));
  allDone.addDoneCallback(partial(partial(withSuffix, kw({ n: 4 })), ">"));
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
