import assert from "node:assert/strict";
import { EventLoop, type ExceptionContext, sleep } from "../mod.ts";

function captureWarnings(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void lines.push(args.join(" "));
  return { lines, restore: () => void (console.warn = original) };
}

function busy(ms: number): void {
  const start = performance.now();
  while (performance.now() - start < ms) { /* burn */ }
}

Deno.test("EventLoop.setDebug() is off by default and getDebug() reports it", () => {
  const loop = new EventLoop();
  assert.equal(loop.getDebug(), false);
  assert.equal(loop.slowCallbackDuration, 0.1);
  loop.setDebug(true);
  assert.equal(loop.getDebug(), true);
  loop.close();
});

Deno.test("EventLoop in debug mode reports a callback slower than slowCallbackDuration", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  loop.setDebug(true);
  loop.slowCallbackDuration = 0.005;
  const warnings = captureWarnings();
  try {
    loop.callSoon(busy, 20);
    loop.callSoon(() => loop.stop());
    await loop.runForever();
  } finally {
    warnings.restore();
    loop.close();
  }
  // On a loaded machine another callback may be slow too: look for ours.
  assert.ok(
    warnings.lines.some((line) =>
      /^Executing <Handle busy\(20\) created at .*debug_test\.(ts|js):\d+> took \d+\.\d{3} seconds$/
        .test(line)
    ),
    warnings.lines.join("\n"),
  );
});

Deno.test("EventLoop in debug mode stays quiet for fast callbacks, and off it never measures", async () => {
  const warnings = captureWarnings();
  try {
    for (const debug of [true, false]) {
      const loop = new EventLoop();
      loop.setDebug(debug);
      loop.slowCallbackDuration = debug ? 60 : 0;
      loop.callSoon(() => {});
      loop.callSoon(() => loop.stop());
      await loop.runForever();
      loop.close();
    }
  } finally {
    warnings.restore();
  }
  assert.deepEqual(warnings.lines, []);
});

Deno.test("EventLoop.slowCallbackDuration rejects a negative or non-number value", () => {
  const loop = new EventLoop();
  assert.throws(() => (loop.slowCallbackDuration = -1), RangeError);
  assert.throws(() => (loop.slowCallbackDuration = NaN), RangeError);
  assert.throws(
    () => (loop.slowCallbackDuration = "1" as unknown as number),
    /slowCallbackDuration expected a number of seconds >= 0, got "1"/,
  );
  assert.equal(loop.slowCallbackDuration, 0.1);
  loop.close();
});

Deno.test("Handle and Future remember where they were created in debug mode only", () => {
  const loop = new EventLoop();
  const plain = loop.callSoon(() => {});
  const plainFuture = loop.createFuture();
  loop.setDebug(true);
  const handle = loop.callSoon(function marker() {});
  const timer = loop.callLater(1, function marker() {});
  const future = loop.createFuture();
  assert.equal(String(plain), "<Handle <anonymous>()>");
  assert.equal(String(plainFuture), "<Future pending>");
  assert.equal(plainFuture.sourceTraceback(), undefined);
  assert.match(
    String(handle),
    /^<Handle marker\(\) created at .*debug_test\.(ts|js):\d+>$/,
  );
  assert.match(
    String(timer),
    /^<TimerHandle when=[\d.]+ marker\(\) created at .*debug_test/,
  );
  assert.match(
    String(future),
    /^<Future pending created at .*debug_test\.(ts|js):\d+>$/,
  );
  assert.match(future.sourceTraceback()!, /debug_test/);
  loop.close();
});

Deno.test("EventLoop in debug mode adds where a throwing callback was scheduled to the context", async () => {
  const loop = new EventLoop();
  loop.setDebug(true);
  const contexts: ExceptionContext[] = [];
  loop.setExceptionHandler((_loop, context) => void contexts.push(context));
  loop.callSoon(() => {
    throw new Error("boom");
  });
  loop.callSoon(() => loop.stop());
  await loop.runForever();
  loop.close();
  assert.equal(contexts.length, 1);
  assert.match(String(contexts[0]!.sourceTraceback), /debug_test/);
  assert.doesNotMatch(String(contexts[0]!.sourceTraceback), /_debug\.(ts|js)/);
});

Deno.test("EventLoop.close() in debug mode says how much work it drops", () => {
  const loop = new EventLoop();
  loop.setDebug(true);
  loop.callSoon(() => {});
  loop.callLater(10, () => {});
  const warnings = captureWarnings();
  try {
    loop.close();
  } finally {
    warnings.restore();
  }
  assert.equal(warnings.lines.length, 1);
  assert.match(warnings.lines[0]!, /with 1 pending callbacks and 1 timers/);
});

Deno.test("Task code that resumes counts toward the slow-callback measure of its wakeup", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  loop.setDebug(true);
  loop.slowCallbackDuration = 0.02;
  const warnings = captureWarnings();
  try {
    await loop.runUntilComplete(async () => {
      await sleep(0);
      busy(40);
    });
  } finally {
    warnings.restore();
    loop.close();
  }
  // The wakeup of `await sleep(0)` ran the busy code it resumed, which
  // finished the task: the warning names the task and its coroutine, as
  // asyncio's `_format_handle` does.
  assert.ok(
    warnings.lines.some((line) =>
      /^Executing <Task finished name='Task-\d+' coro=<<anonymous>\(\) done> result=undefined/
        .test(line)
    ),
    warnings.lines.join("\n"),
  );
});
