import assert from "node:assert/strict";
import {
  currentTask,
  ensureFuture,
  EventLoop,
  ExceptionGroup,
  sleep,
  type Task,
  TaskGroup,
  timeout,
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

// TaskGroup.cancel(): expected values come from CPython main's TaskGroup
// (gh-108951, with gh-155433's exit), run on 3.13's asyncio; its times in
// units of the sleeps.

/** Runs `main` as a task on a virtual loop, then checks it awaits again. */
async function cancelScenario(
  main: (loop: EventLoop, log: unknown[]) => unknown,
): Promise<unknown[]> {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  await loop.runUntilComplete(async () => {
    const me = currentTask()!;
    try {
      const result = await main(loop, log);
      log.push(["returned", result, loop.time(), me.cancelling()]);
    } catch (error) {
      log.push([
        "threw",
        (error as Error).name,
        error instanceof ExceptionGroup ? messages(error) : [],
        loop.time(),
        me.cancelling(),
      ]);
    }
    // The group left no cancellation behind.
    await sleep(0);
    log.push("awaits again");
  });
  loop.close();
  return log;
}

/** A task of the group that logs how it ends. */
function sleeper(loop: EventLoop, log: unknown[], name: string, delay = 5) {
  return async () => {
    try {
      await sleep(delay);
      log.push([name, "done", loop.time()]);
      return name;
    } catch (error) {
      log.push([name, "cancelled", loop.time()]);
      throw error;
    }
  };
}

/** The same, as a generator task. */
function genSleeper(loop: EventLoop, log: unknown[], name: string, delay = 5) {
  return function* (): Generator<unknown, string> {
    try {
      yield* sleep(delay);
      log.push([name, "done", loop.time()]);
      return name;
    } catch (error) {
      log.push([name, "cancelled", loop.time()]);
      throw error;
    }
  };
}

Deno.test("TaskGroup.cancel() in the body cancels the tasks and the body's await, and the group ends quietly", async (t) => {
  // asyncio main: [('b', 'done', 1), ('body cancels', 2), ('cancelling',
  // 1, '<TaskGroup tasks=1 cancelling>'), ('a', 'cancelled', 2), ('body
  // cancelled', 2), ('after block', True, 'b', '<TaskGroup cancelling>'),
  // ('returned', 'ret', 2, 0), ('awaits again', 'ok')]
  const expected = [
    ["b", "done", 1],
    ["body cancels", 2],
    ["cancelling", 1, "<TaskGroup tasks=1 cancelling>"],
    ["a", "cancelled", 2],
    ["body cancelled", 2],
    // asyncio says cancelling; a finished group says finished here.
    ["after block", undefined, true, "b", "<TaskGroup finished>"],
    ["returned", "ret", 2, 0],
    "awaits again",
  ];
  await t.step("an async body, async tasks", async () => {
    const log = await cancelScenario(async (loop, log) => {
      const group = new TaskGroup();
      let a!: Task<string>;
      let b!: Task<string>;
      const after = await group.run(async (tg) => {
        a = tg.createTask(sleeper(loop, log, "a", 5));
        b = tg.createTask(sleeper(loop, log, "b", 1));
        await sleep(2);
        log.push(["body cancels", loop.time()]);
        tg.cancel();
        log.push(["cancelling", currentTask()!.cancelling(), String(tg)]);
        try {
          await sleep(10);
        } catch (error) {
          log.push(["body cancelled", loop.time()]);
          throw error;
        }
        return "unreached";
      });
      log.push(["after block", after, a.cancelled(), b.result(), `${group}`]);
      return "ret";
    });
    assert.deepEqual(log, expected);
  });
  await t.step("a generator body, generator tasks", async () => {
    const log = await cancelScenario(async (loop, log) => {
      const group = new TaskGroup();
      let a!: Task<string>;
      let b!: Task<string>;
      const after = await group.run(function* (tg) {
        a = tg.createTask(genSleeper(loop, log, "a", 5));
        b = tg.createTask(genSleeper(loop, log, "b", 1));
        yield* sleep(2);
        log.push(["body cancels", loop.time()]);
        tg.cancel();
        log.push(["cancelling", currentTask()!.cancelling(), String(tg)]);
        try {
          yield* sleep(10);
        } catch (error) {
          log.push(["body cancelled", loop.time()]);
          throw error;
        }
        return "unreached";
      });
      log.push(["after block", after, a.cancelled(), b.result(), `${group}`]);
      return "ret";
    });
    assert.deepEqual(log, expected);
  });
  await t.step("a generator task enters the group", async () => {
    // The body runs inline in the generator task, through ensureFuture.
    const loop = new EventLoop({ clock: "virtual" });
    const log: unknown[] = [];
    const outcome = await loop.runUntilComplete(function* () {
      const group = new TaskGroup();
      let a!: Task<string>;
      const after = yield* ensureFuture(group.run(function* (tg) {
        a = tg.createTask(genSleeper(loop, log, "a", 5));
        yield* sleep(2);
        tg.cancel();
        try {
          yield* sleep(10);
        } catch (error) {
          log.push(["body cancelled", loop.time()]);
          throw error;
        }
        return "unreached";
      }));
      log.push(["after block", after, a.cancelled()]);
      yield* sleep(1);
      return [loop.time(), currentTask()!.cancelling()];
    });
    assert.deepEqual(log, [
      ["a", "cancelled", 2],
      ["body cancelled", 2],
      ["after block", undefined, true],
    ]);
    assert.deepEqual(outcome, [3, 0]);
    loop.close();
  });
});

Deno.test("TaskGroup.cancel() from a task of the group cancels that task too, and the body", async (t) => {
  // asyncio main: [('child cancels', 2), ('a', 'cancelled', 2), ('body
  // cancelled', 2), ('canceller cancelled', 2), ('after block', True,
  // True), ('returned', 'ret', 2, 0), ('awaits again', 'ok')]
  const expected = [
    ["child cancels", 2],
    ["a", "cancelled", 2],
    ["body cancelled", 2],
    ["canceller cancelled", 2],
    ["after block", true, true],
    ["returned", "ret", 2, 0],
    "awaits again",
  ];
  await t.step("async", async () => {
    const log = await cancelScenario(async (loop, log) => {
      let a!: Task<string>;
      let c!: Task<void>;
      await new TaskGroup().run(async (tg) => {
        a = tg.createTask(sleeper(loop, log, "a", 5));
        c = tg.createTask(async () => {
          await sleep(2);
          log.push(["child cancels", loop.time()]);
          tg.cancel();
          try {
            await sleep(0);
            log.push(["canceller goes on"]);
          } catch (error) {
            log.push(["canceller cancelled", loop.time()]);
            throw error;
          }
        });
        try {
          await sleep(10);
        } catch (error) {
          log.push(["body cancelled", loop.time()]);
          throw error;
        }
      });
      log.push(["after block", a.cancelled(), c.cancelled()]);
      return "ret";
    });
    assert.deepEqual(log, expected);
  });
  await t.step("generator body and tasks", async () => {
    const log = await cancelScenario(async (loop, log) => {
      let a!: Task<string>;
      let c!: Task<void>;
      await new TaskGroup().run(function* (tg) {
        a = tg.createTask(genSleeper(loop, log, "a", 5));
        c = tg.createTask(function* () {
          yield* sleep(2);
          log.push(["child cancels", loop.time()]);
          tg.cancel();
          try {
            yield;
            log.push(["canceller goes on"]);
          } catch (error) {
            log.push(["canceller cancelled", loop.time()]);
            throw error;
          }
        });
        try {
          yield* sleep(10);
        } catch (error) {
          log.push(["body cancelled", loop.time()]);
          throw error;
        }
      });
      log.push(["after block", a.cancelled(), c.cancelled()]);
      return "ret";
    });
    assert.deepEqual(log, expected);
  });
});

Deno.test("TaskGroup.cancel() before entry cancels the group as it is entered", async () => {
  // asyncio main: [('body starts', 1, '<TaskGroup cancelling>'),
  // ('create_task', 'TaskGroup <TaskGroup cancelling> is shutting down'),
  // ('body cancelled', 0), ('returned', 'ret', 0, 0), ...]; and a body
  // that lets that RuntimeError out: ('raised', 'ExceptionGroup',
  // ['RuntimeError:TaskGroup <TaskGroup cancelling> is shutting down'], 0,
  // 0)
  const log = await cancelScenario(async (loop, log) => {
    const group = new TaskGroup();
    group.cancel();
    log.push(String(group));
    await group.run(async (tg) => {
      log.push(["body starts", currentTask()!.cancelling(), String(tg)]);
      try {
        tg.createTask(sleeper(loop, log, "a", 1));
      } catch (error) {
        log.push(["createTask", (error as Error).message]);
      }
      try {
        await sleep(1);
        log.push(["body sleeps through"]);
      } catch (error) {
        log.push(["body cancelled", loop.time()]);
        throw error;
      }
    });
    const refused = new TaskGroup();
    refused.cancel();
    try {
      await refused.run((tg) => {
        tg.createTask(sleeper(loop, log, "b", 1));
      });
    } catch (error) {
      log.push([String(error), messages(error)]);
    }
    return "ret";
  });
  assert.deepEqual(log, [
    "<TaskGroup>",
    ["body starts", 1, "<TaskGroup cancelling>"],
    ["createTask", "TaskGroup <TaskGroup cancelling> is shutting down"],
    ["body cancelled", 0],
    [
      "ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)",
      ["TaskGroup <TaskGroup cancelling> is shutting down"],
    ],
    ["returned", "ret", 0, 0],
    "awaits again",
  ]);
});

Deno.test("TaskGroup.cancel() after the group ended, or twice, does nothing more", async () => {
  // asyncio main: after exit [('a', 'done', 1), ('after cancel', 0,
  // '<TaskGroup entered>'), ('returned', 'ret', 2, 0)]; twice
  // [('cancelling', 1), ('returned', 'ret', 0, 0)]
  const log = await cancelScenario(async (loop, log) => {
    const ended = new TaskGroup();
    await ended.run((tg) => {
      tg.createTask(sleeper(loop, log, "a", 1));
    });
    ended.cancel();
    log.push(["after cancel", currentTask()!.cancelling(), String(ended)]);
    await sleep(1);
    await new TaskGroup().run(async (tg) => {
      tg.createTask(sleeper(loop, log, "never started", 5));
      tg.cancel();
      tg.cancel();
      log.push(["cancelling", currentTask()!.cancelling()]);
      await sleep(10);
    });
    return "ret";
  });
  assert.deepEqual(log, [
    ["a", "done", 1],
    // asyncio says entered; a finished group says finished here.
    ["after cancel", 0, "<TaskGroup finished>"],
    ["cancelling", 1],
    ["returned", "ret", 2, 0],
    "awaits again",
  ]);
});

Deno.test("TaskGroup.cancel() while the group waits for its tasks after the body", async () => {
  // asyncio main: [('body ends', 0), ('child cancels', 2), ('a',
  // 'cancelled', 2), ('after block', 2, True, 'body'), ('returned', 'ret',
  // 2, 0)]; a body that cancels and returns without awaiting: its result
  // (('body returns',), ('returned', 'ret', 0, 0)), with no tasks too
  // (('body returns', 1), ('returned', 'ret', 0, 0))
  const log = await cancelScenario(async (loop, log) => {
    let a!: Task<string>;
    const result = await new TaskGroup().run((tg) => {
      a = tg.createTask(sleeper(loop, log, "a", 5));
      tg.createTask(async () => {
        await sleep(2);
        log.push(["child cancels", loop.time()]);
        tg.cancel();
      });
      log.push(["body ends", loop.time()]);
      return "body";
    });
    log.push(["after block", loop.time(), a.cancelled(), result]);
    const unawaited = await new TaskGroup().run((tg) => {
      tg.createTask(sleeper(loop, log, "never started", 5));
      tg.cancel();
      return "unawaited";
    });
    const empty = await new TaskGroup().run((tg) => {
      tg.cancel();
      log.push(["empty body returns", currentTask()!.cancelling()]);
      return "empty";
    });
    log.push([unawaited, empty]);
    return "ret";
  });
  assert.deepEqual(log, [
    ["body ends", 0],
    ["child cancels", 2],
    ["a", "cancelled", 2],
    ["after block", 2, true, "body"],
    ["empty body returns", 1],
    ["unawaited", "empty"],
    ["returned", "ret", 2, 0],
    "awaits again",
  ]);
});

Deno.test("TaskGroup.cancel(): a body that catches the CancelledError goes on, and its result is returned", async () => {
  // asyncio main: [('body catches', 0, 1), ('body goes on', 1),
  // ('returned', 'ret', 1, 0)]
  const log = await cancelScenario(async (loop, log) => {
    const result = await new TaskGroup().run(async (tg) => {
      tg.createTask(sleeper(loop, log, "never started", 5));
      tg.cancel();
      try {
        await sleep(10);
      } catch {
        log.push(["body catches", loop.time(), currentTask()!.cancelling()]);
      }
      await sleep(1);
      log.push(["body goes on", loop.time()]);
      return "body";
    });
    log.push(result);
    return "ret";
  });
  assert.deepEqual(log, [
    ["body catches", 0, 1],
    ["body goes on", 1],
    "body",
    ["returned", "ret", 1, 0],
    "awaits again",
  ]);
});

Deno.test("TaskGroup.cancel() lets other errors out: of tasks, of the body, and a failure before it", async (t) => {
  await t.step("a task that fails as it is cancelled", async () => {
    // asyncio main: [('a', 'cancelled', 1), ('b', 'cancelled', 1),
    // ('raised', 'ExceptionGroup', ['ValueError:a'], 1, 0)]
    const log = await cancelScenario(async (loop, log) => {
      await new TaskGroup().run(async (tg) => {
        tg.createTask(async () => {
          await sleeper(loop, log, "a", 5)().catch(() => {
            throw new Error("a");
          });
        });
        tg.createTask(sleeper(loop, log, "b", 5));
        await sleep(1);
        tg.cancel();
        await sleep(10);
      });
    });
    assert.deepEqual(log, [
      ["a", "cancelled", 1],
      ["b", "cancelled", 1],
      ["threw", "ExceptionGroup", ["a"], 1, 0],
      "awaits again",
    ]);
  });
  await t.step("a body that throws something else", async () => {
    // asyncio main: [('raised', 'ExceptionGroup', ["KeyError:'k'"], 0, 0)]
    const log = await cancelScenario(async (loop, log) => {
      await new TaskGroup().run(function* (tg) {
        tg.createTask(genSleeper(loop, log, "never started", 5));
        tg.cancel();
        try {
          yield* sleep(10);
        } catch {
          throw new Error("k");
        }
      });
    });
    assert.deepEqual(log, [
      ["threw", "ExceptionGroup", ["k"], 0, 0],
      "awaits again",
    ]);
  });
  await t.step("after a task failed, cancel() changes nothing", async () => {
    // asyncio main: [('body cancelled', 1, '<TaskGroup errors=1
    // cancelling>'), ('raised', 'ExceptionGroup', ['ValueError:boom'], 1,
    // 0)]
    const log = await cancelScenario(async (loop, log) => {
      await new TaskGroup().run(async (tg) => {
        tg.createTask(async () => {
          await sleep(1);
          throw new Error("boom");
        });
        try {
          await sleep(10);
        } catch (error) {
          log.push(["body cancelled", loop.time(), String(tg)]);
          tg.cancel();
          throw error;
        }
      });
    });
    assert.deepEqual(log, [
      ["body cancelled", 1, "<TaskGroup errors=1 cancelling>"],
      ["threw", "ExceptionGroup", ["boom"], 1, 0],
      "awaits again",
    ]);
  });
});

/**
 * Runs `body` in a task that `main` cancels at the given times, and logs
 * how it ends.
 */
async function cancelledRunner(
  body: (loop: EventLoop, log: unknown[]) => unknown,
  cancelAt: number[],
): Promise<unknown[]> {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  const runner = loop.createTask(async () => {
    try {
      await body(loop, log);
      log.push([
        "runner: block done",
        loop.time(),
        currentTask()!.cancelling(),
      ]);
      await sleep(1);
      log.push(["runner: returned", loop.time()]);
    } catch (error) {
      log.push([
        `runner: ${(error as Error).name}`,
        loop.time(),
        currentTask()!.cancelling(),
      ]);
      throw error;
    }
  });
  for (const at of cancelAt) {
    loop.callAt(at, () => {
      log.push(["main cancels runner", loop.time()]);
      runner.cancel();
    });
  }
  try {
    await loop.runUntilComplete(runner);
    log.push("main: runner done");
  } catch (error) {
    log.push(["main: runner", (error as Error).name, runner.cancelled()]);
  }
  loop.close();
  return log;
}

/** A task that cleans up for 3 seconds when cancelled. */
function slow(loop: EventLoop, log: unknown[]) {
  return async () => {
    try {
      await sleep(10);
    } catch (error) {
      log.push(["slow cancelled", loop.time()]);
      await sleep(3);
      log.push(["slow cleaned up", loop.time()]);
      throw error;
    }
  };
}

Deno.test("TaskGroup.cancel() never swallows a cancellation of the task from outside the group", async (t) => {
  await t.step(
    "cancelled from outside, then cancel() in the body",
    async () => {
      // asyncio main: [('main cancels runner', 2), ('body cancelled', 2, 1),
      // ('after tg.cancel', 2), ('a', 'cancelled', 2), ('runner:
      // CancelledError', 2, 1), ('main: runner cancelled', True)]
      const log = await cancelledRunner(async (loop, log) => {
        await new TaskGroup().run(async (tg) => {
          tg.createTask(sleeper(loop, log, "a", 10));
          try {
            await sleep(10);
          } catch (error) {
            log.push([
              "body cancelled",
              loop.time(),
              currentTask()!.cancelling(),
            ]);
            tg.cancel();
            log.push(["after cancel()", currentTask()!.cancelling()]);
            throw error;
          }
        });
      }, [2]);
      assert.deepEqual(log, [
        ["main cancels runner", 2],
        ["body cancelled", 2, 1],
        ["after cancel()", 2],
        ["a", "cancelled", 2],
        ["runner: CancelledError", 2, 1],
        ["main: runner", "CancelledError", true],
      ]);
    },
  );
  await t.step(
    "cancel() in the body, then cancelled from outside while the group waits",
    async () => {
      // asyncio main: [('slow cancelled', 1), ('body cancelled', 1, 1),
      // ('main cancels runner', 2), ('slow cleaned up', 4), ('runner:
      // CancelledError', 4, 1), ('main: runner cancelled', True)]
      const log = await cancelledRunner(async (loop, log) => {
        await new TaskGroup().run(function* (tg) {
          tg.createTask(slow(loop, log));
          yield* sleep(1);
          tg.cancel();
          try {
            yield* sleep(10);
          } catch (error) {
            log.push([
              "body cancelled",
              loop.time(),
              currentTask()!.cancelling(),
            ]);
            throw error;
          }
        });
      }, [2]);
      assert.deepEqual(log, [
        ["slow cancelled", 1],
        ["body cancelled", 1, 1],
        ["main cancels runner", 2],
        ["slow cleaned up", 4],
        ["runner: CancelledError", 4, 1],
        ["main: runner", "CancelledError", true],
      ]);
    },
  );
  await t.step(
    "cancel() from a task after the body, then from outside",
    async () => {
      // The body ended: only the group's wait sees the outside cancellation
      // (CPython main's gh-155433). asyncio main: [('slow cancelled', 1),
      // ('main cancels runner', 2), ('slow cleaned up', 4), ('runner:
      // CancelledError', 4, 1), ('main: runner cancelled', True)]
      const log = await cancelledRunner(async (loop, log) => {
        await new TaskGroup().run((tg) => {
          tg.createTask(slow(loop, log));
          tg.createTask(async () => {
            await sleep(1);
            tg.cancel();
          });
        });
      }, [2]);
      assert.deepEqual(log, [
        ["slow cancelled", 1],
        ["main cancels runner", 2],
        ["slow cleaned up", 4],
        ["runner: CancelledError", 4, 1],
        ["main: runner", "CancelledError", true],
      ]);
    },
  );
  await t.step("both in the same iteration", async () => {
    // asyncio main: [('both', 2), ('a', 'cancelled', 2), ('runner:
    // CancelledError', 2, 1), ('main: runner cancelled', True)]
    const log = await cancelledRunner(async (loop, log) => {
      await new TaskGroup().run(async (tg) => {
        tg.createTask(sleeper(loop, log, "a", 10));
        await sleep(2);
        currentTask()!.cancel();
        tg.cancel();
        log.push(["both", currentTask()!.cancelling()]);
        await sleep(10);
      });
    }, []);
    assert.deepEqual(log, [
      ["both", 2],
      ["a", "cancelled", 2],
      ["runner: CancelledError", 2, 1],
      ["main: runner", "CancelledError", true],
    ]);
  });
});

Deno.test("TaskGroup.cancel() of nested groups, and with timeouts", async (t) => {
  await t.step(
    "the outer group, while an inner one runs in its body",
    async () => {
      // The inner group lets the CancelledError out: it is not its own.
      // asyncio main: [('o', 'cancelled', 2), ('i', 'cancelled', 2), ('inner
      // group let CancelledError out', 2, 1), ('runner: block done', 2, 0),
      // ('runner: returned', 3), ('main: runner done',)]
      const log = await cancelledRunner(async (loop, log) => {
        const outer = new TaskGroup();
        await outer.run(async (tg) => {
          tg.createTask(sleeper(loop, log, "o", 10));
          tg.createTask(async () => {
            await sleep(2);
            outer.cancel();
          });
          try {
            await new TaskGroup().run(async (inner) => {
              inner.createTask(sleeper(loop, log, "i", 10));
              await sleep(10);
            });
          } catch (error) {
            log.push([
              `inner group let ${(error as Error).name} out`,
              loop.time(),
              currentTask()!.cancelling(),
            ]);
            throw error;
          }
        });
      }, []);
      assert.deepEqual(log, [
        ["o", "cancelled", 2],
        ["i", "cancelled", 2],
        ["inner group let CancelledError out", 2, 1],
        ["runner: block done", 2, 0],
        ["runner: returned", 3],
        "main: runner done",
      ]);
    },
  );
  await t.step("the inner group alone", async () => {
    // asyncio main: [('i', 'cancelled', 1), ('inner done', 1, 0), ('outer
    // done', 5, True), ('runner: block done', 5, 0), ...]
    const log = await cancelledRunner(async (loop, log) => {
      await new TaskGroup().run(async (outer) => {
        const o = outer.createTask(sleeper(loop, log, "o", 5));
        await new TaskGroup().run(function* (inner) {
          inner.createTask(genSleeper(loop, log, "i", 10));
          yield* sleep(1);
          inner.cancel();
          yield* sleep(10);
        });
        log.push(["inner done", loop.time(), currentTask()!.cancelling()]);
        await o;
      });
    }, []);
    assert.deepEqual(log, [
      ["i", "cancelled", 1],
      ["inner done", 1, 0],
      ["o", "done", 5],
      ["runner: block done", 5, 0],
      ["runner: returned", 6],
      "main: runner done",
    ]);
  });
  await t.step("a timeout in the body, or the group in a timeout", async () => {
    // asyncio main: [('timeout block', 'CancelledError', 1), ('runner:
    // block done', 1, 0), ...]; [('a', 'cancelled', 1), ('group done', 1),
    // ('TimeoutError', 3), ...]
    const log = await cancelledRunner(async (loop, log) => {
      await new TaskGroup().run(async (tg) => {
        tg.createTask(async () => {
          await sleep(1);
          tg.cancel();
        });
        try {
          await timeout(5, () => sleep(10));
        } catch (error) {
          log.push(["timeout block", (error as Error).name, loop.time()]);
          throw error;
        }
      });
      try {
        await timeout(3, async () => {
          await new TaskGroup().run(async (tg) => {
            tg.createTask(sleeper(loop, log, "a", 10));
            await sleep(1);
            tg.cancel();
            await sleep(10);
          });
          log.push(["group done", loop.time()]);
          await sleep(10);
        });
      } catch (error) {
        log.push([(error as Error).name, loop.time()]);
      }
    }, []);
    assert.deepEqual(log, [
      ["timeout block", "CancelledError", 1],
      ["a", "cancelled", 2],
      ["group done", 2],
      ["TimeoutError", 4],
      ["runner: block done", 4, 0],
      ["runner: returned", 5],
      "main: runner done",
    ]);
  });
});
