import assert from "node:assert/strict";
import {
  EventLoop,
  type ExceptionContext,
  Handle,
  kw,
  partial,
  TimerHandle,
} from "../mod.ts";
import { RUN } from "../handle.ts";

async function runOnce(loop: EventLoop): Promise<void> {
  loop.stop();
  await loop.runForever();
}

Deno.test("Handle.cancelled() is false until Handle.cancel() is called", () => {
  const loop = new EventLoop();
  const handle = loop.callSoon(() => {});
  assert.equal(handle.cancelled(), false);
  handle.cancel();
  assert.equal(handle.cancelled(), true);
  handle.cancel();
  assert.equal(handle.cancelled(), true);
  loop.close();
});

Deno.test("Handle.getLoop() returns the loop that scheduled it", () => {
  const loop = new EventLoop();
  assert.equal(loop.callSoon(() => {}).getLoop(), loop);
  assert.equal(loop.callLater(1, () => {}).getLoop(), loop);
  assert.equal(loop.callAt(1, () => {}).getLoop(), loop);
  loop.close();
});

Deno.test("Handle.cancel() after the callback ran does nothing", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  let runs = 0;
  const handle = loop.callSoon(() => runs++);
  const timer = loop.callLater(1, () => runs++);
  loop.callLater(2, () => loop.stop());
  await loop.runForever();
  assert.equal(runs, 2);
  handle.cancel();
  timer.cancel();
  assert.equal(handle.cancelled(), true);
  assert.equal(timer.cancelled(), true);
  await runOnce(loop);
  assert.equal(runs, 2);
  loop.close();
});

Deno.test("Handle.cancel() from inside its own callback does not disturb the loop", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: string[] = [];
  const handle: Handle = loop.callSoon(() => {
    handle.cancel();
    seen.push("ran");
  });
  loop.callSoon(() => seen.push("next"));
  await runOnce(loop);
  assert.deepEqual(seen, ["ran", "next"]);
  assert.equal(handle.cancelled(), true);
  loop.close();
});

Deno.test("TimerHandle.when() is the loop time the timer is due", () => {
  const loop = new EventLoop({ clock: "virtual" });
  const later = loop.callLater(2.5, () => {});
  const at = loop.callAt(10, () => {});
  assert.ok(later instanceof TimerHandle);
  assert.ok(later instanceof Handle);
  assert.equal(later.when(), 2.5);
  assert.equal(at.when(), 10);
  loop.close();
});

Deno.test("TimerHandle.cancel() after the loop closed does nothing", () => {
  const loop = new EventLoop({ clock: "virtual" });
  const timer = loop.callLater(1, () => {});
  loop.close();
  timer.cancel();
  assert.equal(timer.cancelled(), true);
});

Deno.test("Handle.toString() matches asyncio's repr()", async (t) => {
  const loop = new EventLoop({ clock: "virtual" });
  function callback(..._args: unknown[]): void {}
  function keyed(_future: unknown, _options: { n: number }): void {}
  const future = loop.createFuture<string>();
  const anonymous = [() => {}]; // an arrow function in an array has no name
  const cases: Array<[string, () => Handle, string]> = [
    ["no arguments", () => loop.callSoon(callback), "<Handle callback()>"],
    [
      "arguments in Python's repr",
      () => loop.callSoon(callback, 1, "a", [true]),
      "<Handle callback(1, 'a', [true])>",
    ],
    [
      "a future argument",
      () => loop.callSoon(callback, future),
      "<Handle callback(<Future pending>)>",
    ],
    [
      "a partial with keywords",
      () => loop.callSoon(partial(keyed, kw({ n: 1 })), future),
      "<Handle keyed(n=1)(<Future pending>)>",
    ],
    [
      "a partial with positional arguments",
      () => loop.callSoon(partial(callback, 1, "x"), 2),
      "<Handle callback(1, 'x')(2)>",
    ],
    [
      "an anonymous callback",
      () => loop.callSoon(anonymous[0]!),
      "<Handle <anonymous>()>",
    ],
    [
      "cancelled",
      () => {
        const handle = loop.callSoon(callback, 1);
        handle.cancel();
        return handle;
      },
      "<Handle cancelled>",
    ],
    [
      "a timer",
      () => loop.callAt(5, callback, "a"),
      "<TimerHandle when=5 callback('a')>",
    ],
    [
      "a cancelled timer",
      () => {
        const timer = loop.callAt(5, callback);
        timer.cancel();
        return timer;
      },
      "<TimerHandle cancelled when=5>",
    ],
  ];
  for (const [name, make, expected] of cases) {
    await t.step(name, () => {
      const handle = make();
      assert.equal(String(handle), expected);
      const inspectors = handle as unknown as Record<symbol, () => string>;
      assert.equal(inspectors[Symbol.for("Deno.customInspect")]!(), expected);
      assert.equal(
        inspectors[Symbol.for("nodejs.util.inspect.custom")]!(),
        expected,
      );
    });
  }
  loop.close();
});

Deno.test("Handle.toString() keeps the callback after it ran, as asyncio does", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  function callback(_n: number): void {}
  const handle = loop.callSoon(callback, 1);
  await runOnce(loop);
  assert.equal(String(handle), "<Handle callback(1)>");
  loop.close();
});

Deno.test("Handle sends an async callback's rejection to the exception handler", async () => {
  const loop = new EventLoop();
  const contexts: ExceptionContext[] = [];
  loop.setExceptionHandler((_loop, context) => {
    contexts.push(context);
    loop.stop();
  });
  loop.callSoon(async function failsLater() {
    await null;
    throw new Error("async boom");
  });
  // Only if the rejection never arrives (the test then fails on the count).
  const giveUp = loop.callLater(30, () => loop.stop());
  await loop.runForever();
  giveUp.cancel();
  loop.close();
  assert.equal(contexts.length, 1);
  assert.match(contexts[0]!.message, /^Exception in callback failsLater\(\)/);
  assert.equal((contexts[0]!.exception as Error).message, "async boom");
});

Deno.test("Handle calls its callback with exactly the arguments given, however many, undefined ones included", async (t) => {
  const loop = new EventLoop({ clock: "virtual" });
  function record(...args: unknown[]): unknown[] {
    return args;
  }
  const cases: unknown[][] = [
    [],
    [undefined],
    [1],
    [undefined, undefined],
    [1, undefined],
    [undefined, 2],
    [1, 2, 3],
    [undefined, undefined, undefined, 4],
  ];
  for (const args of cases) {
    await t.step(`(${args.map(String).join(", ")})`, async () => {
      const seen: unknown[][] = [];
      const collect = (...got: unknown[]) => seen.push(record(...got));
      const soon = loop.callSoon(collect, ...args);
      loop.callLater(1, collect, ...args);
      loop.callAt(2, collect, ...args);
      const made = new Handle(collect, args, loop);
      const timer = new TimerHandle(3, collect, args, loop);
      loop.callSoon(() => made[RUN]());
      loop.callSoon(() => timer[RUN]());
      loop.callLater(3, () => loop.stop());
      await loop.runForever();
      assert.deepEqual(seen, [args, args, args, args, args]);
      for (const got of seen) assert.equal(got.length, args.length);
      const shown = args.map((arg) => String(arg)).join(", ");
      assert.equal(String(soon), `<Handle collect(${shown})>`);
      assert.equal(String(made), `<Handle collect(${shown})>`);
    });
  }
  loop.close();
});
