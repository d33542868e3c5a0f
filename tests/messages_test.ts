// The library's errors in its own words: an unknown option is a TypeError
// naming it, for every options object the public API takes; a future of
// another loop says which loops; a function that needs a running loop
// names itself and says how to run it.
import assert from "node:assert/strict";
import {
  asCompleted,
  ContextVar,
  createTask,
  ensureFuture,
  EventLoop,
  Future,
  gather,
  LifoQueue,
  newEventLoop,
  PriorityQueue,
  Queue,
  run,
  Task,
  TaskGroup,
  wait,
} from "../mod.ts";

// TypeScript refuses the misspelt options; JavaScript callers (and casts)
// get them through.
const bad = <T>(value: unknown): T => value as T;
const noop = (): void => {};

Deno.test("every options object refuses an unknown key with a TypeError naming it and the options", async (t) => {
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<number>();
  const cases: Array<[string, () => unknown, string]> = [
    [
      "new EventLoop",
      () => new EventLoop(bad({ clok: "virtual" })),
      'EventLoop() got an unknown option "clok": it takes { clock, autojump }',
    ],
    [
      "newEventLoop",
      () => newEventLoop(bad({ clok: "virtual" })),
      'newEventLoop() got an unknown option "clok": it takes { clock, autojump }',
    ],
    [
      "run",
      () => run(noop, bad({ clok: "virtual" })),
      'run() got an unknown option "clok": it takes { clock, autojump, debug, loopFactory }',
    ],
    [
      "new Future",
      () => new Future(bad({ lop: loop })),
      'Future() got an unknown option "lop": it takes { loop }',
    ],
    [
      "new Task",
      () => new Task(noop, bad({ loop, nam: "x" })),
      'Task() got an unknown option "nam": it takes { name, loop, signal, context, eagerStart }',
    ],
    [
      "loop.createTask",
      () => loop.createTask(noop, bad({ loop })),
      'createTask() got an unknown option "loop": it takes { name, signal, context, eagerStart }',
    ],
    [
      "ensureFuture",
      () => ensureFuture(future, bad({ lop: loop })),
      'ensureFuture() got an unknown option "lop": it takes { loop }',
    ],
    [
      "gather",
      () => gather([future], bad({ return_exceptions: true })),
      'gather() got an unknown option "return_exceptions": it takes { returnExceptions }',
    ],
    [
      "wait",
      () => wait([future], bad({ return_when: "FIRST_COMPLETED" })),
      'wait() got an unknown option "return_when": it takes { timeout, returnWhen }',
    ],
    [
      "asCompleted",
      () => asCompleted([future], bad({ timout: 1 })),
      'asCompleted() got an unknown option "timout": it takes { timeout }',
    ],
    [
      "new ContextVar",
      () => new ContextVar<number>("v", bad({ defualt: 1 })),
      'ContextVar() got an unknown option "defualt": it takes { default }',
    ],
    [
      "new Queue",
      () => new Queue(bad({ maxSize: 1 })),
      'Queue() got an unknown option "maxSize": it takes { maxsize }',
    ],
    [
      "new LifoQueue",
      () => new LifoQueue(bad({ compare: () => 0 })),
      'LifoQueue() got an unknown option "compare": it takes { maxsize }',
    ],
    [
      "new PriorityQueue",
      () => new PriorityQueue<number>(bad({ cmp: () => 0 })),
      'PriorityQueue() got an unknown option "cmp": it takes { maxsize, compare }',
    ],
  ];
  for (const [name, call, message] of cases) {
    await t.step(name, async () => {
      let result: unknown;
      try {
        result = call();
      } catch (error) {
        assert.ok(error instanceof TypeError, String(error));
        assert.equal(error.message, message);
        return;
      }
      // wait() is an async function: its errors are rejections.
      assert.ok(result instanceof Promise, `${name} did not throw`);
      await assert.rejects(result, { name: "TypeError", message });
    });
  }
  // Nothing was started by the refused calls.
  await loop.runUntilComplete(async () => {});
  assert.equal(future.done(), false);
  loop.close();
});

Deno.test("the createTask()s of the running loop and of a TaskGroup refuse unknown options", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const errors = await loop.runUntilComplete(async () => {
    const errors: string[] = [];
    try {
      createTask(noop, bad({ eagr: true }));
    } catch (error) {
      errors.push(String(error));
    }
    await new TaskGroup().run((group) => {
      try {
        group.createTask(noop, bad({ nme: "x" }));
      } catch (error) {
        errors.push(String(error));
      }
    });
    return errors;
  });
  assert.deepEqual(errors, [
    'TypeError: createTask() got an unknown option "eagr": it takes { name, signal, context, eagerStart }',
    'TypeError: createTask() got an unknown option "nme": it takes { name, signal, context, eagerStart }',
  ]);
  loop.close();
});

Deno.test("the options that exist are accepted, also when undefined or inherited", () => {
  const loop = new EventLoop({ clock: undefined });
  new Task(noop, { name: "t", loop, signal: undefined, context: undefined });
  new PriorityQueue<number>({ maxsize: 1, compare: (a, b) => a - b });
  // Only own keys count: an options object made from a prototype works.
  const options = Object.create({ inherited: true }) as { clock: "virtual" };
  options.clock = "virtual";
  new EventLoop(options).close();
  loop.close();
});

Deno.test("a future of another loop names the function and the loops", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const other = new EventLoop({ clock: "virtual" });
  const mine = loop.createFuture<number>();
  const foreign = other.createFuture<number>();
  await assert.rejects(loop.runUntilComplete(foreign), {
    name: "Error",
    message:
      "runUntilComplete() got <Future pending>, a future of another EventLoop than this one",
  });
  assert.throws(() => ensureFuture(foreign, { loop }), {
    name: "Error",
    message:
      "ensureFuture() got <Future pending>, a future of another EventLoop than `options.loop`",
  });
  assert.throws(() => gather([mine, foreign]), {
    name: "Error",
    message:
      "gather() got <Future pending>, a future of another EventLoop than the first future's",
  });
  assert.throws(() => asCompleted([mine, foreign]), {
    name: "Error",
    message:
      "asCompleted() got <Future pending>, a future of another EventLoop than the first future's",
  });
  await assert.rejects(wait([mine, foreign]), {
    name: "Error",
    message:
      "wait() got <Future pending>, a future of another EventLoop than the first future's",
  });
  const inLoop = await loop.runUntilComplete(async () => {
    const errors: string[] = [];
    try {
      asCompleted([foreign]);
    } catch (error) {
      errors.push(String(error));
    }
    // It would wait forever: the other loop does not run meanwhile.
    await wait([foreign], { timeout: 1 }).catch((error) =>
      errors.push(String(error))
    );
    return errors;
  });
  assert.deepEqual(inLoop, [
    "Error: asCompleted() got <Future pending>, a future of another EventLoop than the running one",
    "Error: wait() got <Future pending>, a future of another EventLoop than the running one",
  ]);
  loop.close();
  other.close();
});

Deno.test("createTask() called by a promise's code before the loop runs is explained", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  async function main(): Promise<void> {
    await createTask(noop);
  }
  await assert.rejects(loop.runUntilComplete(main()), (error: Error) => {
    assert.equal(
      error.message,
      "loop.runUntilComplete() was given a promise that had already failed: createTask() needs a running event loop, and the promise's code called it before the loop ran. Pass the async function itself: loop.runUntilComplete(main), not loop.runUntilComplete(main())",
    );
    assert.match(String(error.cause), /^Error: createTask\(\) needs/);
    return true;
  });
  loop.close();
});
