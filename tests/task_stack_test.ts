import assert from "node:assert/strict";
import {
  currentTask,
  EventLoop,
  type Future,
  sleep,
  type StackFrame,
} from "../mod.ts";
import { awaitingFrames } from "./_stacks.ts";

const THIS_FILE = /task_stack_test\.(ts|js)$/;

function names(frames: StackFrame[]): string[] {
  return frames.map((frame) => `${frame.kind ?? "plain"} ${frame.name}`);
}

function virtualLoop(debug = false): EventLoop {
  const loop = new EventLoop({ clock: "virtual" });
  loop.setDebug(debug);
  return loop;
}

/** Runs the loop until `seconds` of virtual time have passed. */
async function runFor(loop: EventLoop, seconds: number): Promise<void> {
  await loop.runUntilComplete(() => sleep(seconds));
}

async function inner(): Promise<void> {
  await sleep(5);
}

async function outer(): Promise<void> {
  await inner();
}

function* gInner(): Generator<unknown, void> {
  yield* sleep(5);
}

function* gOuter(): Generator<unknown, void> {
  yield* gInner();
}

Deno.test("Task.getCoro() returns the async function, before and after the task runs", async () => {
  const loop = virtualLoop();
  const task = loop.createTask(outer);
  assert.equal(task.getCoro(), outer);
  await runFor(loop, 1);
  assert.equal(task.getCoro(), outer);
  await loop.runUntilComplete(task);
  assert.equal(task.getCoro(), outer);
  loop.close();
});

Deno.test("Task.getCoro() returns a generator task's generator once it started, its function before", async () => {
  const loop = virtualLoop();
  const task = loop.createTask(gOuter);
  assert.equal(task.getCoro(), gOuter);
  await runFor(loop, 1);
  const coro = task.getCoro() as Generator;
  assert.equal(typeof coro.next, "function");
  assert.equal(Object.getPrototypeOf(coro), gOuter.prototype);
  const given = gOuter();
  const other = loop.createTask(given);
  assert.equal(other.getCoro(), given);
  await loop.runUntilComplete(other);
  loop.close();
});

Deno.test("Task.getCoro() returns the promise a task follows", async () => {
  const loop = virtualLoop();
  const promise = Promise.resolve(7);
  const task = loop.createTask(promise);
  assert.equal(task.getCoro(), promise);
  assert.equal(await loop.runUntilComplete(task), 7);
  loop.close();
});

Deno.test("Task.getStack() outside debug mode is the task's coroutine, one frame without a place", async (t) => {
  for (
    const [kind, fn] of [["async", outer], ["generator", gOuter]] as const
  ) {
    await t.step(kind, async () => {
      const loop = virtualLoop();
      const task = loop.createTask(fn as () => Promise<void>);
      // Not started yet: its function.
      assert.deepEqual(task.getStack(), [{
        name: fn.name,
        kind,
        file: undefined,
        line: undefined,
        column: undefined,
      }]);
      await runFor(loop, 1);
      assert.deepEqual(names(task.getStack()), [`${kind} ${fn.name}`]);
      await loop.runUntilComplete(task);
      assert.deepEqual(task.getStack(), []);
      loop.close();
    });
  }
});

Deno.test("Task.getStack() in debug mode is where the code suspended, oldest frame first, every await and yield* of it", async (t) => {
  const cases = [
    ["async", outer, ["async outer", "async inner"]],
    ["generator", gOuter, ["generator gOuter", "generator gInner"]],
  ] as const;
  for (const [kind, fn, expected] of cases) {
    await t.step(kind, async () => {
      const loop = virtualLoop(true);
      const task = loop.createTask(fn as () => Promise<void>);
      await runFor(loop, 1);
      const frames = task.getStack();
      if (kind === "async" && !awaitingFrames) {
        // The host shows no async frames in then(): the coroutine alone.
        assert.deepEqual(names(frames), ["async outer"]);
        assert.equal(frames[0]!.file, undefined);
        task.cancel();
        loop.close();
        return;
      }
      assert.deepEqual(names(frames), expected);
      for (const frame of frames) {
        assert.match(frame.file!, THIS_FILE);
        assert.equal(typeof frame.line, "number");
        assert.equal(typeof frame.column, "number");
      }
      // The newest frames are kept.
      assert.deepEqual(names(task.getStack({ limit: 1 })), [expected[1]]);
      assert.deepEqual(task.getStack({ limit: 0 }), []);
      task.cancel();
      await loop.runUntilComplete(task).catch(() => {});
      loop.close();
    });
  }
});

Deno.test("Task.getStack() of a failed task is the frames of its exception, the oldest with a limit", async (t) => {
  async function failing(): Promise<never> {
    await sleep(1);
    throw new Error("boom");
  }
  function* gFailing(): Generator<unknown, never> {
    yield* sleep(1);
    throw new Error("boom");
  }
  for (const fn of [failing, gFailing]) {
    await t.step(fn.name, async () => {
      const loop = virtualLoop();
      const task = loop.createTask(fn as () => Promise<never>);
      await assert.rejects(loop.runUntilComplete(task), /boom/);
      const frames = task.getStack();
      assert.equal(frames.at(-1)!.name, fn.name);
      assert.match(frames.at(-1)!.file!, THIS_FILE);
      assert.equal(task.getStack({ limit: 1 }).length, 1);
      loop.close();
    });
  }
});

Deno.test("Task.getStack() of a cancelled task, or of one that follows a promise, is empty", async () => {
  const loop = virtualLoop();
  const cancelled = loop.createTask(outer);
  cancelled.cancel();
  await assert.rejects(loop.runUntilComplete(cancelled));
  assert.deepEqual(cancelled.getStack(), []);
  const follower = loop.createTask(new Promise<void>(() => {}));
  assert.deepEqual(follower.getStack(), []);
  follower.cancel();
  loop.close();
});

Deno.test("Task.getStack() from the task's own code is its live stack", async (t) => {
  for (const kind of ["async", "generator"]) {
    await t.step(kind, async () => {
      const loop = virtualLoop();
      let frames: StackFrame[] = [];
      const look = () => frames = currentTask()!.getStack();
      async function live(): Promise<void> {
        await sleep(0);
        look();
      }
      function* gLive(): Generator<unknown, void> {
        yield;
        look();
      }
      await loop.runUntilComplete(
        kind === "async" ? loop.createTask(live) : loop.createTask(gLive),
      );
      const shown = names(frames);
      assert.equal(shown.at(-1), "plain look", shown.join(", "));
      // The running frame of an async function shows as a plain one: hosts
      // mark only the async functions that await it.
      assert.ok(
        shown.includes(kind === "async" ? "plain live" : "generator gLive"),
        shown.join(", "),
      );
      loop.close();
    });
  }
});

Deno.test("Task.printStack() prints asyncio's shapes: Stack for, No stack for, Traceback for with the exception", async () => {
  const loop = virtualLoop(true);
  const fut: Future<void> = loop.createFuture();
  async function waiting(): Promise<void> {
    await fut;
  }
  async function failing(): Promise<never> {
    await sleep(0);
    throw new TypeError("boom");
  }
  const a = loop.createTask(waiting, { name: "a" });
  const b = loop.createTask(failing, { name: "b" });
  await runFor(loop, 1);
  const printed: string[] = [];
  const reprs: string[] = [];
  const print = (text: string) => void printed.push(text);
  a.printStack({ print });
  b.printStack({ print, limit: 5 });
  reprs.push(String(a), String(b));
  fut.setResult();
  await loop.runUntilComplete(a);
  a.printStack({ print });
  const [pending, failed, finished] = printed.map((text) => text.split("\n"));
  assert.equal(pending![0], `Stack for ${reprs[0]} (most recent call last):`);
  assert.match(
    pending![1]!,
    awaitingFrames
      ? /^ {2}File ".*task_stack_test\.(ts|js)", line \d+, in waiting$/
      : /^ {2}in waiting$/,
  );
  assert.equal(pending!.length, 2);
  assert.equal(
    failed![0],
    `Traceback for ${reprs[1]} (most recent call last):`,
  );
  assert.match(failed![1]!, /, in failing$/);
  assert.equal(failed!.at(-1), "TypeError: boom");
  assert.deepEqual(finished, [`No stack for ${a}`]);
  loop.close();
});

Deno.test("Task.printStack() prints to console.error by default", async () => {
  const loop = virtualLoop();
  const task = loop.createTask(outer, { name: "quiet" });
  const original = console.error;
  const lines: unknown[] = [];
  console.error = (...args: unknown[]) => void lines.push(...args);
  try {
    task.printStack();
  } finally {
    console.error = original;
  }
  assert.deepEqual(lines, [
    `Stack for ${task} (most recent call last):\n  in outer`,
  ]);
  task.cancel();
  await assert.rejects(loop.runUntilComplete(task));
  loop.close();
});

Deno.test("Task.getStack() and printStack() refuse bad options, naming them", () => {
  const loop = virtualLoop();
  const task = loop.createTask(outer);
  assert.throws(() => task.getStack({ limit: 1.5 }), {
    name: "TypeError",
    message: "getStack() expected `options.limit` to be an integer, got 1.5",
  });
  assert.throws(
    // @ts-expect-error: not an option
    () => task.getStack({ depth: 1 }),
    {
      name: "TypeError",
      message: 'getStack() got an unknown option "depth": it takes { limit }',
    },
  );
  assert.throws(
    // @ts-expect-error: not a function
    () => task.printStack({ print: "stdout" }),
    /printStack\(\) expected `options.print` to be a function, got "stdout"/,
  );
  // @ts-expect-error: not an object
  assert.throws(() => task.printStack(3), TypeError);
  task.cancel();
  loop.close();
});

Deno.test("EventLoop debug mode's slow-callback warning names the generator task a step ran, with its coroutine", async () => {
  const loop = virtualLoop(true);
  loop.slowCallbackDuration = 0;
  const lines: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void lines.push(args.join(" "));
  try {
    await loop.runUntilComplete(loop.createTask(gOuter, { name: "slow" }));
  } finally {
    console.warn = original;
  }
  // The step that suspended the task at its yield*: asyncio's shape.
  assert.ok(
    lines.some((line) =>
      /^Executing <Task pending name='slow' coro=<gOuter\(\) running at .*task_stack_test\.(ts|js):\d+> wait_for=<SleepFuture pending/
        .test(line)
    ),
    lines.join("\n"),
  );
  // Callbacks that step no task keep the handle's repr.
  assert.ok(lines.some((line) => /^Executing <(Timer)?Handle /.test(line)));
  loop.close();
});
