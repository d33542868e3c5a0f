import assert from "node:assert/strict";
import {
  currentTask,
  EventLoop,
  ExceptionGroup,
  sleep,
  type Task,
  TaskGroup,
} from "../mod.ts";

// Expected values come from the same programs run on Python 3.11's asyncio.

Deno.test("TaskGroup.run() of a finished or running group says which, and what to do", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const group = new TaskGroup();
    await group.run(() => sleep(0));
    // asyncio 3.11: RuntimeError('TaskGroup <TaskGroup entered> has
    // already been entered')
    await assert.rejects(group.run(() => {}), {
      name: "Error",
      message:
        "TaskGroup <TaskGroup finished> is finished: a TaskGroup runs once; make a new one for each run()",
    });
    const running = new TaskGroup();
    await running.run(async (g) => {
      g.createTask(() => sleep(1));
      await assert.rejects(running.run(() => {}), {
        name: "Error",
        message:
          "TaskGroup <TaskGroup tasks=1 entered> is already running: a TaskGroup runs once; make a new one for each run()",
      });
    });
  });
  loop.close();
});

function helpers(loop: EventLoop) {
  const log: unknown[] = [];
  const value = async <T>(delay: number, result: T): Promise<T> => {
    try {
      await sleep(delay);
      log.push([result, "done", loop.time()]);
      return result;
    } catch (error) {
      log.push([result, "cancelled", loop.time()]);
      throw error;
    }
  };
  const failure = async (delay: number, message: string): Promise<never> => {
    await sleep(delay);
    log.push([message, "raises", loop.time()]);
    throw new Error(message);
  };
  return { log, value, failure };
}

function messages(error: unknown): string[] {
  assert.ok(error instanceof ExceptionGroup);
  return error.errors.map((e) => (e as Error).message);
}

Deno.test("TaskGroup.run() waits for every task, and returns the body's result", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const { log, value } = helpers(loop);
  await loop.runUntilComplete(async () => {
    let a!: Task<string>;
    let b!: Task<string>;
    const result = await new TaskGroup().run((group) => {
      a = group.createTask(() => value(2, "a"));
      b = group.createTask(() => value(1, "b"));
      log.push(["body end", loop.time()]);
      return "body";
    });
    log.push(["after", loop.time(), a.result(), b.result(), result]);
  });
  // asyncio 3.11: [('body end', 0.0), ('b', 'done', 1.0), ('a', 'done',
  // 2.0), ('after', 2.0, 'a', 'b')]
  assert.deepEqual(log, [
    ["body end", 0],
    ["b", "done", 1],
    ["a", "done", 2],
    ["after", 2, "a", "b", "body"],
  ]);
  loop.close();
});

Deno.test("TaskGroup: a failing task cancels its siblings and the body, and run() throws an ExceptionGroup", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const { log, value, failure } = helpers(loop);
  await loop.runUntilComplete(async () => {
    let a!: Task<string>;
    let c!: Task<never>;
    try {
      await new TaskGroup().run(async (group) => {
        a = group.createTask(() => value(5, "a"));
        group.createTask(() => failure(1, "b"));
        c = group.createTask(() => failure(2, "c"));
        try {
          await sleep(10);
        } catch (error) {
          log.push(["body cancelled", (error as Error).name, loop.time()]);
          throw error;
        }
      });
    } catch (error) {
      assert.ok(error instanceof ExceptionGroup);
      log.push([
        error.name,
        String(error),
        messages(error),
        loop.time(),
        a.cancelled(),
        c.cancelled(),
        currentTask()!.cancelling(),
      ]);
    }
  });
  // asyncio 3.11: [('b', 'raises', 1.0), ('a', 'cancelled', (), 1.0),
  // ('body cancelled', (), 1.0), ('ExceptionGroup', 'unhandled errors in a
  // TaskGroup (1 sub-exception)', ["ValueError('b')"], 1.0, True, True, 0)]
  assert.deepEqual(log, [
    ["b", "raises", 1],
    ["a", "cancelled", 1],
    ["body cancelled", "CancelledError", 1],
    [
      "ExceptionGroup",
      "ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)",
      ["b"],
      1,
      true,
      true,
      0,
    ],
  ]);
  loop.close();
});

Deno.test("TaskGroup collects every task that failed in the same iteration", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const { log, value, failure } = helpers(loop);
  await loop.runUntilComplete(async () => {
    try {
      await new TaskGroup().run((group) => {
        group.createTask(() => failure(1, "x"));
        group.createTask(() => failure(1, "y"));
        group.createTask(() => value(3, "z"));
      });
    } catch (error) {
      log.push([messages(error), loop.time()]);
      assert.equal((error as Error).message, "unhandled errors in a TaskGroup");
    }
  });
  // asyncio 3.11: [('x', 'raises', 1.0), ('y', 'raises', 1.0), ('z',
  // 'cancelled', (), 1.0), ('unhandled errors in a TaskGroup (2
  // sub-exceptions)', ["ValueError('x')", "ValueError('y')"], 1.0)]
  assert.deepEqual(log, [
    ["x", "raises", 1],
    ["y", "raises", 1],
    ["z", "cancelled", 1],
    [["x", "y"], 1],
  ]);
  loop.close();
});

Deno.test("TaskGroup: a body that throws cancels the tasks, and its error joins the ExceptionGroup", async (t) => {
  await t.step("the body's error alone", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const { log, value } = helpers(loop);
    await loop.runUntilComplete(async () => {
      let a!: Task<string>;
      try {
        await new TaskGroup().run(async (group) => {
          a = group.createTask(() => value(5, "a"));
          await sleep(1);
          throw new Error("body");
        });
      } catch (error) {
        log.push([messages(error), loop.time(), a.cancelled()]);
      }
    });
    // asyncio 3.11: [('a', 'cancelled', (), 1.0), ('unhandled errors in a
    // TaskGroup (1 sub-exception)', ["KeyError('body')"], 1.0, True)]
    assert.deepEqual(log, [["a", "cancelled", 1], [["body"], 1, true]]);
    loop.close();
  });
  await t.step("a task cancelled before it fails", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const { log, failure } = helpers(loop);
    await loop.runUntilComplete(async () => {
      try {
        await new TaskGroup().run(async (group) => {
          group.createTask(() => failure(1, "t"));
          await sleep(0);
          throw new Error("body");
        });
      } catch (error) {
        log.push([messages(error), loop.time()]);
      }
    });
    // asyncio 3.11: [('unhandled errors in a TaskGroup (1 sub-exception)',
    // ["KeyError('body')"], 0.0)]
    assert.deepEqual(log, [[["body"], 0]]);
    loop.close();
  });
});

Deno.test("TaskGroup: cancelling the parent task cancels the group's tasks and CancelledError propagates", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const { log, value } = helpers(loop);
  const parent = loop.createTask(async () => {
    try {
      await new TaskGroup().run((group) => {
        group.createTask(() => value(5, "a"));
        group.createTask(() => value(6, "b"));
        log.push(["body end", loop.time()]);
      });
    } catch (error) {
      log.push(["parent got", (error as Error).name, (error as Error).message]);
      throw error;
    }
  });
  loop.callLater(1, () => parent.cancel("stop"));

  await assert.rejects(loop.runUntilComplete(parent), {
    name: "CancelledError",
    message: "stop",
  });
  // asyncio 3.11 (its tasks are a set, so a and b come in either order):
  // [('body end', 0.0), ('b', 'cancelled', (), 1.0), ('a', 'cancelled', (),
  // 1.0), ('parent got', ('stop',), 1.0), ('task', ('stop',), True)]
  assert.deepEqual(log, [
    ["body end", 0],
    ["a", "cancelled", 1],
    ["b", "cancelled", 1],
    ["parent got", "CancelledError", "stop"],
  ]);
  assert.equal(parent.cancelled(), true);
  loop.close();
});

Deno.test("TaskGroup.createTask() throws asyncio's messages before entry, after the end and while shutting down", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const { log, value, failure } = helpers(loop);
  const refuse = (fn: () => unknown) => {
    try {
      fn();
      log.push("accepted");
    } catch (error) {
      log.push((error as Error).message);
    }
  };
  await loop.runUntilComplete(async () => {
    const group = new TaskGroup();
    refuse(() => group.createTask(() => value(0, "x")));
    await group.run(() => {
      group.createTask(() => value(0, "ok"));
    });
    refuse(() => group.createTask(() => value(0, "late")));

    const aborting = new TaskGroup();
    try {
      await aborting.run(async () => {
        aborting.createTask(() => failure(0, "f"));
        try {
          await sleep(1);
        } catch (error) {
          refuse(() => aborting.createTask(() => value(0, "during abort")));
          throw error;
        }
      });
    } catch (error) {
      log.push(String(error));
    }
  });
  // asyncio 3.11 (RuntimeErrors), in this library's words: "TaskGroup
  // <TaskGroup> has not been entered" and "<TaskGroup entered> is finished"
  assert.deepEqual(log, [
    "TaskGroup <TaskGroup> is not running: create its tasks in the body of run()",
    ["ok", "done", 0],
    "TaskGroup <TaskGroup finished> is finished",
    ["f", "raises", 0],
    "TaskGroup <TaskGroup errors=1 cancelling> is shutting down",
    "ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)",
  ]);
  loop.close();
});

Deno.test("TaskGroup.toString() matches asyncio's repr(), and says when it is finished", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const reprs: string[] = [];
  await loop.runUntilComplete(async () => {
    const group = new TaskGroup();
    reprs.push(String(group));
    await group.run((g) => {
      reprs.push(String(g));
      g.createTask(() => sleep(1));
      reprs.push(String(g));
    });
    reprs.push(String(group));
  });
  // asyncio 3.11: ['<TaskGroup entered>', '<TaskGroup tasks=1 entered>',
  // '<TaskGroup entered>'] (and '<TaskGroup>' before entry); asyncio
  // still says "entered" once the group is finished.
  assert.deepEqual(reprs, [
    "<TaskGroup>",
    "<TaskGroup entered>",
    "<TaskGroup tasks=1 entered>",
    "<TaskGroup finished>",
  ]);
  loop.close();
});

Deno.test("TaskGroup.enter() outside a task throws asyncio's message", async () => {
  // In a plain callback of a running loop, as asyncio says it there.
  const loop = new EventLoop();
  const group = new TaskGroup();
  let thrown: unknown;
  loop.callSoon(() => {
    try {
      group.enter();
    } catch (error) {
      thrown = error;
    }
  });
  loop.callSoon(loop.stop);
  await loop.runForever();
  loop.close();
  assert.throws(() => {
    throw thrown;
  }, { message: "TaskGroup <TaskGroup> cannot determine the parent task" });
  // With no loop running at all, the error says how to run one.
  assert.throws(() => group.enter(), {
    message:
      "TaskGroup.enter() needs a running event loop: call it from code run by run(main) or loop.runUntilComplete(main)",
  });
});
