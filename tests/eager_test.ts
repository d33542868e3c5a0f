// Tasks that finish without suspending (no await, no yield) are what
// eager tasks are about.
// deno-lint-ignore-file require-yield require-await
import assert from "node:assert/strict";
import {
  allTasks,
  CancelledError,
  ContextVar,
  createEagerTaskFactory,
  createTask,
  currentTask,
  eagerTaskFactory,
  ensureFuture,
  EventLoop,
  ExceptionGroup,
  gather,
  getRunningLoop,
  sleep,
  Task,
  type TaskConstructor,
  type TaskFactory,
  TaskGroup,
} from "../mod.ts";
import { useHostContext } from "../_host_context.ts";
import { genMain, main } from "./_virtual_loop.ts";

// Expected orders come from the same programs on CPython 3.13's asyncio
// (tests/reference/eager/ holds them as differential cases).

/** The name of the current task, or "-" outside one. */
function current(): string {
  return currentTask()?.getName() ?? "-";
}

/** The async and generator forms of one child body, with `log`. */
function bodies(log: string[]) {
  return {
    async: {
      finishing: async () => {
        log.push(`finishing runs in ${current()}`);
        return "f";
      },
      suspending: async () => {
        log.push(`suspending starts in ${current()}`);
        await sleep(0);
        log.push(`suspending resumes in ${current()}`);
        return "s";
      },
    },
    generator: {
      finishing: function* () {
        log.push(`finishing runs in ${current()}`);
        return "f";
      },
      suspending: function* () {
        log.push(`suspending starts in ${current()}`);
        yield* sleep(0);
        log.push(`suspending resumes in ${current()}`);
        return "s";
      },
    },
  };
}

for (const kind of ["async", "generator"] as const) {
  Deno.test(`createTask(coro, { eagerStart: true }) runs the first step of ${kind} tasks inside the call, with the task current`, async () => {
    const log: string[] = [];
    const { finishing, suspending } = bodies(log)[kind];
    let mainName = "";
    await main(async (loop) => {
      mainName = current();
      loop.callSoon(() => log.push("callback queued before"));
      log.push(`main in ${current()}`);
      const s = createTask(suspending as () => Promise<string>, {
        name: "s",
        eagerStart: true,
      });
      log.push(`after s: main in ${current()}, s done ${s.done()}`);
      const f = createTask(finishing as () => Promise<string>, {
        name: "f",
        eagerStart: true,
      });
      f.addDoneCallback(() => log.push("f's done callback"));
      log.push(`after f: main in ${current()}`);
      await sleep(0);
      log.push("main resumes");
      assert.equal(await s, "s");
      assert.equal(await f, "f");
      assert.equal(f.done() && s.done(), true);
    });
    assert.deepEqual(log, [
      `main in ${mainName}`,
      "suspending starts in s",
      `after s: main in ${mainName}, s done false`,
      "finishing runs in f",
      `after f: main in ${mainName}`,
      "callback queued before",
      "suspending resumes in s",
      // A generator task that returned is done at once, and its done
      // callback is queued as it is added; an async function's result
      // comes through its promise a microtask later, after main's sleep(0).
      ...(kind === "generator"
        ? ["f's done callback", "main resumes"]
        : ["main resumes", "f's done callback"]),
    ]);
  });

  Deno.test(`eagerTaskFactory: a ${kind} task that finishes without suspending is done and never scheduled`, async () => {
    const log: string[] = [];
    const { finishing } = bodies(log)[kind];
    for (const eager of [false, true]) {
      const loop = new EventLoop({ clock: "virtual" });
      if (eager) loop.setTaskFactory(eagerTaskFactory);
      // What the loop is asked to call, by the callbacks' names: a task's
      // first step is "step".
      const scheduled: string[] = [];
      const callSoon = loop.callSoon.bind(loop);
      loop.callSoon = ((callback: (...args: unknown[]) => void, ...args) => {
        scheduled.push(callback.name);
        return callSoon(callback, ...args);
      }) as typeof loop.callSoon;
      const result = await loop.runUntilComplete(async () => {
        const tasks = [];
        for (let i = 0; i < 3; i++) {
          tasks.push(createTask(finishing as () => Promise<string>));
        }
        if (eager && kind === "generator") {
          assert.ok(tasks.every((task) => task.done()));
          assert.equal(allTasks().size, 1);
        }
        const results = [];
        for (const task of tasks) results.push(await task);
        return results;
      });
      assert.deepEqual(result, ["f", "f", "f"]);
      const steps = scheduled.filter((name) => name === "step").length;
      // main's first step, and the children's unless they were eager.
      assert.equal(steps, eager ? 1 : 4);
      loop.close();
    }
    assert.equal(log.length, 6);
  });

  Deno.test(`eager ${kind} tasks are in allTasks() while they run, and the creator is current again after`, async () => {
    const seen: string[] = [];
    await main(async () => {
      const parent = currentTask()!;
      const body = kind === "async"
        ? async () => {
          seen.push(`in allTasks: ${allTasks().has(currentTask()!)}`);
          seen.push(`parent pending: ${allTasks().has(parent)}`);
          await sleep(1);
        }
        : function* () {
          seen.push(`in allTasks: ${allTasks().has(currentTask()!)}`);
          seen.push(`parent pending: ${allTasks().has(parent)}`);
          yield* sleep(1);
        };
      const child = createTask(body as () => Promise<void>, {
        eagerStart: true,
      });
      assert.equal(currentTask(), parent);
      assert.ok(allTasks().has(child));
      await child;
    });
    assert.deepEqual(seen, ["in allTasks: true", "parent pending: true"]);
  });
}

Deno.test("an eager task created inside a generator task's step runs inside it, and the step's task is current again after", async () => {
  const log: string[] = [];
  await genMain(function* () {
    log.push(`main in ${current()}`);
    const a = createTask(async () => {
      log.push(`async child in ${current()}`);
      await sleep(0);
      log.push(`async child resumes in ${current()}`);
    }, { name: "a", eagerStart: true });
    log.push(`main again in ${current()}`);
    const g = createTask(function* () {
      log.push(`generator child in ${current()}`);
      yield;
      log.push(`generator child resumes in ${current()}`);
    }, { name: "g", eagerStart: true });
    log.push(`main still in ${current()}`);
    yield* a;
    yield* g;
    log.push("main done");
  });
  const main = log[0]!.slice("main in ".length);
  assert.deepEqual(log, [
    `main in ${main}`,
    "async child in a",
    `main again in ${main}`,
    "generator child in g",
    `main still in ${main}`,
    "async child resumes in a",
    "generator child resumes in g",
    "main done",
  ]);
});

Deno.test("an eager task created in a plain callback runs to its first suspension before the next callback", async () => {
  const log: string[] = [];
  const loop = new EventLoop({ clock: "virtual" });
  loop.callSoon(() => {
    createTask(async () => {
      log.push(`child in ${current()}`);
      await Promise.resolve(); // foreign, resolved: no suspension yet
      log.push(`child after a resolved promise in ${current()}`);
      await sleep(0);
      log.push(`child resumes in ${current()}`);
    }, { name: "child", eagerStart: true });
    log.push(`callback goes on in ${current()}`);
  });
  loop.callSoon(() => log.push("next callback"));
  await loop.runUntilComplete(() => sleep(0.5));
  loop.close();
  assert.deepEqual(log, [
    "child in child",
    "callback goes on in -",
    "child after a resolved promise in child",
    "next callback",
    "child resumes in child",
  ]);
});

Deno.test("eager tasks nest: a child's eager child runs inside the child's step", async () => {
  const log: string[] = [];
  await main(async () => {
    const me = current();
    const outer = createTask(async () => {
      log.push(`outer in ${current()}`);
      const inner = createTask(function* () {
        log.push(`inner in ${current()}`);
        return "inner";
      }, { name: "inner", eagerStart: true });
      log.push(`outer again in ${current()}, inner done ${inner.done()}`);
      await sleep(0);
      return inner.result();
    }, { name: "outer", eagerStart: true });
    log.push(`main in ${current() === me ? "main" : current()}`);
    assert.equal(await outer, "inner");
  });
  assert.deepEqual(log, [
    "outer in outer",
    "inner in inner",
    "outer again in outer, inner done true",
    "main in main",
  ]);
});

Deno.test("an eager task's failure and cancellation stay in the task; the creator goes on", async () => {
  await main(async () => {
    const failing = createTask(function* () {
      throw new RangeError("at once");
    }, { eagerStart: true });
    assert.ok(failing.done());
    assert.ok(failing.exception() instanceof RangeError);
    const cancelling = createTask(async () => {
      currentTask()!.cancel("by itself");
      await sleep(1);
    }, { eagerStart: true });
    await assert.rejects(async () => await cancelling, CancelledError);
    assert.ok(cancelling.cancelled());
    // Aborted before it starts: the function never runs.
    let ran = false;
    const aborted = createTask(async () => {
      ran = true;
    }, { eagerStart: true, signal: AbortSignal.abort("no") });
    assert.ok(aborted.cancelled());
    assert.equal(ran, false);
  });
});

Deno.test("eagerStart while the loop is not running schedules the task, as asyncio", async () => {
  const log: string[] = [];
  const loop = new EventLoop();
  const task = loop.createTask(function* () {
    log.push("runs");
    return 1;
  }, { eagerStart: true });
  assert.deepEqual(log, []);
  assert.equal(await loop.runUntilComplete(task), 1);
  assert.deepEqual(log, ["runs"]);
  loop.close();
});

Deno.test("eagerTaskFactory passes eagerStart: false on, and a promise is followed as ever", async () => {
  const log: string[] = [];
  const loop = new EventLoop();
  loop.setTaskFactory(eagerTaskFactory);
  assert.equal(loop.getTaskFactory(), eagerTaskFactory);
  await loop.runUntilComplete(async () => {
    const lazy = createTask(async () => void log.push("lazy"), {
      eagerStart: false,
    });
    log.push("created");
    await lazy;
    const followed = createTask(Promise.resolve("p"));
    assert.equal(await followed, "p");
  });
  assert.deepEqual(log, ["created", "lazy"]);
  loop.setTaskFactory(null);
  assert.equal(loop.getTaskFactory(), null);
  loop.close();
});

Deno.test("loop.setTaskFactory(): createTask and runUntilComplete go through the factory with every option", async () => {
  const calls: unknown[] = [];
  const factory: TaskFactory = (loop, coro, options) => {
    calls.push(Object.keys(options).sort());
    return new Task(coro as () => Promise<unknown>, { ...options, loop });
  };
  const loop = new EventLoop();
  loop.setTaskFactory(factory);
  const result = await loop.runUntilComplete(async () => {
    const child = loop.createTask(async () => "child", { name: "c" });
    assert.equal(child.getName(), "c");
    return await child;
  });
  assert.equal(result, "child");
  assert.deepEqual(calls, [[], ["name"]]);
  loop.close();
});

Deno.test("createEagerTaskFactory() makes tasks of the given class", async () => {
  class MyTask<T> extends Task<T> {}
  const loop = new EventLoop();
  loop.setTaskFactory(createEagerTaskFactory(MyTask as TaskConstructor));
  await loop.runUntilComplete(async () => {
    const task = createTask(function* () {
      return 1;
    });
    assert.ok(task instanceof MyTask);
    assert.ok(task.done());
  });
  loop.close();
});

Deno.test("an eager task runs in a copy of its creator's context", async () => {
  const name = new ContextVar<string>("name", { default: "none" });
  await main(async () => {
    name.set("main");
    const child = createTask(async () => {
      const seen = name.get();
      name.set("child");
      await sleep(0);
      return `${seen} ${name.get()}`;
    }, { eagerStart: true });
    assert.equal(name.get(), "main");
    assert.equal(await child, "main child");
  });
});

Deno.test("without the host's async context, async eager tasks are scheduled and generator ones still start eagerly", async () => {
  useHostContext(false);
  try {
    const log: string[] = [];
    const loop = new EventLoop();
    await loop.runUntilComplete(async () => {
      const a = createTask(async () => void log.push("async"), {
        eagerStart: true,
      });
      const g = createTask(function* () {
        log.push(`generator in ${current()}`);
      }, { eagerStart: true, name: "g" });
      log.push("created");
      await a;
      assert.ok(g.done());
    });
    loop.close();
    assert.deepEqual(log, ["generator in g", "created", "async"]);
  } finally {
    useHostContext(true);
  }
});

Deno.test("bad input: eagerStart must be a boolean, the factory a function or null", () => {
  const loop = new EventLoop();
  assert.throws(
    () => loop.createTask(async () => {}, { eagerStart: "yes" as never }),
    {
      name: "TypeError",
      message:
        'Task() expected `options.eagerStart` to be a boolean, got "yes"',
    },
  );
  assert.throws(() => loop.setTaskFactory(42 as never), {
    name: "TypeError",
    message:
      "setTaskFactory() expected `factory` to be a function or null, got 42",
  });
  assert.throws(() => createEagerTaskFactory(null as never), {
    name: "TypeError",
    message:
      "createEagerTaskFactory() expected `TaskClass` to be a function, got null",
  });
  assert.equal(loop.getTaskFactory(), null);
  loop.close();
});

Deno.test("getRunningLoop().createTask and the module createTask agree on eagerStart", async () => {
  const log: string[] = [];
  await main(async () => {
    getRunningLoop().createTask(function* () {
      log.push("loop's");
    }, { eagerStart: true });
    createTask(function* () {
      log.push("module's");
    }, { eagerStart: true });
    log.push("after");
    await sleep(0);
  });
  assert.deepEqual(log, ["loop's", "module's", "after"]);
});

Deno.test("an eager async task that first awaits foreign work holds the virtual clock, as a scheduled task does", async (t) => {
  async function child(log: string[]): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 20));
    log.push(`child back at ${getRunningLoop().time()}`);
    await sleep(1);
    log.push(`child slept until ${getRunningLoop().time()}`);
  }
  const expected = [
    "child back at 0",
    "child slept until 1",
    "main woke at 100",
  ];
  await t.step("created by an async task", async () => {
    const log: string[] = [];
    await main(async () => {
      const task = createTask(() => child(log), { eagerStart: true });
      await sleep(100);
      log.push(`main woke at ${getRunningLoop().time()}`);
      await task;
    });
    assert.deepEqual(log, expected);
  });
  await t.step("created in a generator task's step", async () => {
    const log: string[] = [];
    await genMain(function* () {
      const task = createTask(() => child(log), { eagerStart: true });
      yield* sleep(100);
      log.push(`main woke at ${getRunningLoop().time()}`);
      yield* task;
    });
    assert.deepEqual(log, expected);
  });
});

Deno.test("gather() and ensureFuture() make their tasks through the loop's task factory, as asyncio's ensure_future()", async () => {
  const log: number[] = [];
  await main(async (loop) => {
    loop.setTaskFactory(eagerTaskFactory);
    const child = function* (n: number) {
      log.push(n);
      return n;
    };
    const gathered = gather([() => child(1), () => child(2)]);
    assert.deepEqual(log, [1, 2]);
    const single = ensureFuture(() => child(3));
    assert.deepEqual(log, [1, 2, 3]);
    assert.ok(single.done());
    assert.deepEqual(await gathered, [1, 2]);
  });
});

Deno.test("TaskGroup.createTask() goes through the loop's task factory: eager children start inside the call", async () => {
  const log: unknown[] = [];
  await main(async (loop) => {
    loop.setTaskFactory(eagerTaskFactory);
    await new TaskGroup().run((tg) => {
      const done = tg.createTask(function* () {
        log.push("done at once");
        return 1;
      });
      log.push(["after createTask", done.done(), done.result()]);
      const later = tg.createTask(function* () {
        log.push("first step");
        yield* sleep(1);
        log.push("second step");
      });
      log.push(["after createTask", later.done()]);
    });
    log.push(["group ended", loop.time()]);
  });
  assert.deepEqual(log, [
    "done at once",
    ["after createTask", true, 1],
    "first step",
    ["after createTask", false],
    "second step",
    ["group ended", 1],
  ]);
});

Deno.test("TaskGroup with eager children: a child that fails inside createTask() aborts the group", async () => {
  const log: unknown[] = [];
  await main(async (loop) => {
    loop.setTaskFactory(eagerTaskFactory);
    const group = new TaskGroup();
    await assert.rejects(
      group.run(async (tg) => {
        const sibling = tg.createTask(function* () {
          yield* sleep(5);
          log.push("sibling finished");
        });
        tg.createTask(function* () {
          throw new RangeError("eager failure");
        });
        log.push(["sibling cancelling", sibling.cancelling()]);
        await sleep(10);
        log.push("body finished");
      }),
      (error: unknown) => {
        assert.ok(error instanceof ExceptionGroup);
        assert.equal(error.exceptions.length, 1);
        assert.equal((error.exceptions[0] as Error).message, "eager failure");
        return true;
      },
    );
    log.push(["time", loop.time()]);
  });
  assert.deepEqual(log, [["sibling cancelling", 1], ["time", 0]]);
});
