// repr() of futures in each state, with done callbacks shown as asyncio
// shows them. Python adds " at FILE:LINE" after each callback, which a
// TypeScript function cannot know: it is removed before printing.
import { type Future, kw, partial } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

const loop = newLoop();

function show(label: string, fut: Future<unknown>): void {
  print(`${label}: ${String(fut).replace(/ at [^ ]+:[0-9]+/g, "")}`);
}

function callback(_f: Future<unknown>, _options: { n?: number } = {}): void {}

function other(_f: Future<unknown>): void {}

const pending = loop.createFuture<string>();
show("pending", pending);
print("str is repr:", String(pending) === pyRepr(pending));
pending.addDoneCallback(callback);
show("one callback", pending);
pending.addDoneCallback(partial(callback, kw({ n: 1 })));
show("two callbacks", pending);
pending.addDoneCallback(other);
show("three callbacks", pending);
pending.addDoneCallback(other);
show("four callbacks", pending);
pending.setResult("the result");
show("finished", pending);

for (const result of [42, "", "it's", "line\nbreak", [1, "two"]]) {
  const fut = loop.createFuture<unknown>();
  fut.setResult(result);
  show(`result ${pyRepr(result)}`, fut);
}

const failed = loop.createFuture<string>();
failed.setException(new ValueError("boom"));
show("failed", failed);
const failedEmpty = loop.createFuture<string>();
failedEmpty.setException(new ValueError());
show("failed without a message", failedEmpty);

const cancelled = loop.createFuture<string>();
cancelled.addDoneCallback(other);
cancelled.cancel();
show("cancelled", cancelled);
const withMsg = loop.createFuture<string>();
withMsg.cancel("msg");
show("cancelled with a message", withMsg);
loop.close();
