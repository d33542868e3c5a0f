import assert from "node:assert/strict";
import {
  allTasks,
  CancelledError,
  createTask,
  currentTask,
  ensureFuture,
  EventLoop,
  gather,
  sleep,
  timeout,
} from "../mod.ts";

// Expected values come from the same programs run on Python 3.11's asyncio.

Deno.test("Task.cancel() twice before the task wakes delivers the first message once, as asyncio", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  const task = loop.createTask(async () => {
    try {
      await loop.createFuture();
    } catch (error) {
      assert.ok(error instanceof CancelledError);
      log.push(["caught", error.message, currentTask()!.cancelling()]);
    }
    try {
      await sleep(0);
    } catch {
      log.push("cancelled again");
    }
    return 1;
  });
  await loop.runUntilComplete(() => sleep(0));

  assert.equal(task.cancel("one"), true);
  assert.equal(task.cancel("two"), true);
  assert.equal(task.cancelling(), 2);
  assert.equal(await loop.runUntilComplete(task), 1);
  // asyncio 3.11: [('caught', ('one',), 2)], and the task returns 1.
  assert.deepEqual(log, [["caught", "one", 2]]);
  loop.close();
});

Deno.test("Task.toString() shows cancelling while cancel requests are pending, and wait_for before cb, as asyncio 3.11", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const task = loop.createTask(() => loop.createFuture<void>(), { name: "c" });
  task.addDoneCallback(function onDone() {});
  await loop.runUntilComplete(() => sleep(0));
  // asyncio 3.11, without the coro=<...> part:
  // <Task pending name='c' wait_for=<Future pending cb=[Task.task_wakeup()]> cb=[<lambda>() at ...]>
  assert.match(
    String(task),
    /^<Task pending name='c' wait_for=<Future pending cb=\[\w+\(\)\]> cb=\[onDone\(\)\]>$/,
  );

  task.cancel();
  task.cancel();
  assert.equal(
    String(task),
    "<Task cancelling name='c' wait_for=<Future cancelled> cb=[onDone()]>",
  );
  task.uncancel();
  task.uncancel();
  assert.equal(
    String(task),
    "<Task pending name='c' wait_for=<Future cancelled> cb=[onDone()]>",
  );
  await assert.rejects(loop.runUntilComplete(task), CancelledError);
  assert.equal(String(task), "<Task cancelled name='c'>");
  loop.close();
});

Deno.test("createTask() creates a task on the running loop, and throws outside one", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  const result = await loop.runUntilComplete(async () => {
    const child = createTask(() => {
      log.push("child");
      return currentTask()!.getName();
    }, { name: "child" });
    log.push("parent");
    assert.equal(child.getLoop(), loop);
    return await child;
  });
  assert.equal(result, "child");
  assert.deepEqual(log, ["parent", "child"]);
  // asyncio.create_task() outside a loop: RuntimeError('no running event
  // loop'); here the function is named, and what to do.
  assert.throws(() => createTask(() => {}), {
    message:
      "createTask() needs a running event loop: call it from code run by run(main) or loop.runUntilComplete(main)",
  });
  loop.close();
});

Deno.test("EventLoop.createTask() starts a function one iteration later, behind the callbacks scheduled before it", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  loop.callSoon(() => log.push("soon1"));
  const task = loop.createTask(() => {
    log.push("task");
  });
  loop.callSoon(() => log.push("soon2"));
  assert.deepEqual(log, []);

  await loop.runUntilComplete(task);
  // asyncio 3.11: ['soon1', 'task', 'soon2']
  assert.deepEqual(log, ["soon1", "task", "soon2"]);
  loop.close();
});

Deno.test("EventLoop.createTask() with a promise follows work that is already running", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  const future = loop.createFuture<number>();
  const work = (async () => {
    log.push("work starts");
    const value = await future;
    log.push("work resumes");
    return value * 2;
  })();
  log.push("task created");
  const task = loop.createTask(work);
  assert.deepEqual(log, ["work starts", "task created"]);
  assert.equal(task.done(), false);

  loop.callSoon(() => future.setResult(21));
  assert.equal(await loop.runUntilComplete(task), 42);
  assert.deepEqual(log, ["work starts", "task created", "work resumes"]);
  loop.close();
});

Deno.test("EventLoop.runUntilComplete() wraps a promise or an async function in a task", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const promise = new Promise<string>((resolve) => {
    loop.callLater(1, () => resolve("promise"));
  });
  assert.equal(await loop.runUntilComplete(promise), "promise");
  assert.equal(
    await loop.runUntilComplete(async () => {
      await sleep(1);
      return currentTask() !== undefined;
    }),
    true,
  );
  assert.equal(loop.time(), 2);
  loop.close();
});

Deno.test("Task.getName() defaults to Task-N with a process-wide counter, and setName() renames", async () => {
  const loop = new EventLoop();
  const first = loop.createTask(() => {});
  const second = loop.createTask(() => {});
  const named = loop.createTask(() => {}, { name: "worker" });
  const [, n] = /^Task-(\d+)$/.exec(first.getName()) ?? [];
  assert.ok(n !== undefined, first.getName());
  assert.equal(second.getName(), `Task-${Number(n) + 1}`);
  assert.equal(named.getName(), "worker");

  second.setName(42);
  assert.equal(second.getName(), "42");
  await loop.runUntilComplete(gather([first, second, named]));
  loop.close();
});

Deno.test("Task.toString() matches asyncio's repr() without the coroutine", async (t) => {
  const loop = new EventLoop({ clock: "virtual" });
  const result = loop.createTask(() => 42, { name: "a" });
  const failure = loop.createTask(() => {
    throw new Error("boom");
  }, { name: "b" });
  const waiting = loop.createTask(() => loop.createFuture<void>(), {
    name: "c",
  });
  await t.step("pending, before its first step", () => {
    // asyncio: <Task pending name='a' coro=<fortytwo() running at ...>>
    assert.equal(String(result), "<Task pending name='a'>");
  });
  await loop.runUntilComplete(() => sleep(0));
  await t.step("finished with a result", () => {
    // asyncio: <Task finished name='a' coro=<...> result=42>
    assert.equal(String(result), "<Task finished name='a' result=42>");
  });
  await t.step("finished with an exception", () => {
    // asyncio: <Task finished name='b' coro=<...> exception=ValueError('boom')>
    assert.equal(
      String(failure),
      "<Task finished name='b' exception=Error('boom')>",
    );
  });
  await t.step("waiting on a future", () => {
    assert.match(
      String(waiting),
      /^<Task pending name='c' wait_for=<Future pending cb=\[\w+\(\)\]>>$/,
    );
  });
  await t.step("cancelling, then cancelled", async () => {
    waiting.cancel("bye");
    assert.equal(
      String(waiting),
      "<Task cancelling name='c' wait_for=<Future cancelled>>",
    );
    await loop.runUntilComplete(() => sleep(0));
    assert.equal(String(waiting), "<Task cancelled name='c'>");
  });
  loop.close();
});

Deno.test("Task.setResult() and Task.setException() throw asyncio's messages", async () => {
  const loop = new EventLoop();
  const task = loop.createTask(() => 1);
  assert.throws(() => task.setResult(2), {
    name: "Error",
    message: "Task does not support set_result operation",
  });
  assert.throws(() => task.setException(new Error("x")), {
    name: "Error",
    message: "Task does not support set_exception operation",
  });
  assert.equal(task.done(), false);
  assert.equal(await loop.runUntilComplete(task), 1);
  loop.close();
});

Deno.test("new Task() rejects what it cannot run, and a signal that is not one", () => {
  const loop = new EventLoop();
  assert.throws(
    // @ts-expect-error: not a function or a promise
    () => loop.createTask(42),
    { name: "TypeError", message: /`coro`/ },
  );
  assert.throws(
    // @ts-expect-error: not an AbortSignal
    () => loop.createTask(() => {}, { signal: "abort" }),
    { name: "TypeError", message: /`options\.signal`/ },
  );
  loop.close();
});

Deno.test("currentTask() is the running task inside it and undefined in a plain callback", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: unknown[] = [];
  loop.callSoon(() => seen.push(currentTask()));
  const task = loop.createTask(async () => {
    seen.push(currentTask() === task);
    await sleep(0);
    seen.push(currentTask() === task);
    await sleep(1);
    seen.push(currentTask(loop) === task);
  });
  await loop.runUntilComplete(task);
  // asyncio 3.11: [None, True, True]
  assert.deepEqual(seen, [undefined, true, true, true]);
  assert.equal(currentTask(loop), undefined);
  loop.close();
});

Deno.test("currentTask() and allTasks() without a loop argument throw outside a running loop, naming themselves", () => {
  assert.throws(() => currentTask(), {
    name: "Error",
    message:
      "currentTask() needs a running event loop: call it from code run by run(main) or loop.runUntilComplete(main)",
  });
  assert.throws(() => allTasks(), {
    name: "Error",
    message:
      "allTasks() needs a running event loop: call it from code run by run(main) or loop.runUntilComplete(main)",
  });
});

Deno.test("allTasks() holds the tasks that are not done, and drops finished ones", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const names = () => [...allTasks()].map((task) => task.getName()).sort();
  const snapshots: string[][] = [];
  await loop.runUntilComplete(
    loop.createTask(async () => {
      const future = loop.createFuture<void>();
      const w1 = loop.createTask(() => future, { name: "w1" });
      loop.createTask(() => sleep(0), { name: "w2" });
      snapshots.push(names());
      await sleep(0);
      await sleep(0);
      snapshots.push(names());
      future.setResult();
      await w1;
      snapshots.push(names());
    }, { name: "main" }),
  );
  // asyncio 3.11: ['main', 'w1', 'w2'], ['main', 'w1'], ['main']
  assert.deepEqual(snapshots, [
    ["main", "w1", "w2"],
    ["main", "w1"],
    ["main"],
  ]);
  assert.equal(allTasks(loop).size, 0);
  loop.close();
});

Deno.test("allTasks(loop) holds only that loop's tasks", async () => {
  const a = new EventLoop();
  const b = new EventLoop();
  const task = a.createTask(() => {});
  assert.deepEqual([...allTasks(a)], [task]);
  assert.equal(allTasks(b).size, 0);
  await a.runUntilComplete(task);
  assert.equal(allTasks(a).size, 0);
  a.close();
  b.close();
});

Deno.test("Task.cancel() throws CancelledError(msg) at the await; caught, the task goes on with cancelling() counted", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  const task = loop.createTask(async () => {
    try {
      await loop.createFuture();
    } catch (error) {
      assert.ok(error instanceof CancelledError);
      log.push(["caught", error.message, currentTask()!.cancelling()]);
    }
    log.push(["uncancel", currentTask()!.uncancel()]);
    await sleep(1);
    return "went on";
  });
  await loop.runUntilComplete(() => sleep(0));

  assert.equal(task.cancel("stop"), true);
  assert.equal(task.cancelling(), 1);
  assert.equal(await loop.runUntilComplete(task), "went on");
  // asyncio 3.11: [('caught', ('stop',), 1), ('uncancel', 0)] went on 0
  assert.deepEqual(log, [["caught", "stop", 1], ["uncancel", 0]]);
  assert.equal(task.cancelling(), 0);
  assert.equal(task.uncancel(), 0);
  assert.equal(loop.time(), 1);
  loop.close();
});

Deno.test("Task.cancel() propagated ends the task cancelled, and result() throws CancelledError with the message", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const task = loop.createTask(async () => {
    await loop.createFuture();
  });
  await loop.runUntilComplete(() => sleep(0));
  task.cancel("the message");

  await assert.rejects(loop.runUntilComplete(task), {
    name: "CancelledError",
    message: "the message",
  });
  assert.equal(task.cancelled(), true);
  assert.equal(task.cancelling(), 1);
  // As asyncio 3.11: the error the code let out goes to the first reader
  // (runUntilComplete here), later readers get a bare CancelledError().
  assert.throws(() => task.result(), {
    name: "CancelledError",
    message: "",
  });
  assert.throws(() => task.exception(), CancelledError);
  assert.equal(task.cancel(), false);
  loop.close();
});

Deno.test("Task.cancel() before the first step cancels the task without running its function", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  let ran = false;
  const task = loop.createTask(() => {
    ran = true;
  });
  assert.equal(task.cancel("early"), true);
  assert.equal(task.cancelling(), 1);
  assert.equal(String(task).startsWith("<Task cancelling"), true);

  await assert.rejects(loop.runUntilComplete(task), {
    name: "CancelledError",
    message: "early",
  });
  assert.equal(ran, false);
  assert.equal(task.cancelled(), true);
  loop.close();
});

Deno.test("Task.cancel() of a done task returns false and changes nothing", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const task = loop.createTask(() => "done");
  await loop.runUntilComplete(task);
  assert.equal(task.cancel(), false);
  assert.equal(task.cancelling(), 0);
  assert.equal(task.result(), "done");
  assert.equal(task.signal.aborted, false);
  loop.close();
});

Deno.test("Task.cancel() on itself: the error comes at its next await, or when it returns", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  const task = loop.createTask(async () => {
    log.push(currentTask()!.cancel("self"));
    log.push("still running");
    try {
      await sleep(0);
    } catch (error) {
      log.push(["caught", (error as Error).message]);
    }
    currentTask()!.cancel("again");
    return "returned";
  });
  await assert.rejects(loop.runUntilComplete(task), {
    name: "CancelledError",
    message: "again",
  });
  // asyncio 3.11: [True, 'still running', ('caught', ('self',))], and the
  // task ends cancelled ('again') although its coroutine returned.
  assert.deepEqual(log, [true, "still running", ["caught", "self"]]);
  assert.equal(task.cancelled(), true);
  loop.close();
});

Deno.test("Task.cancel() of a task awaiting another task cancels the inner task too", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  const outer = loop.createTask(async () => {
    const inner = loop.createTask(async () => {
      try {
        await sleep(10);
      } catch (error) {
        log.push(["inner caught", (error as Error).message]);
        throw error;
      }
    }, { name: "inner" });
    try {
      await inner;
    } catch (error) {
      log.push(["outer caught", (error as Error).message, inner.cancelled()]);
      throw error;
    }
  });
  await loop.runUntilComplete(() => sleep(0));
  await loop.runUntilComplete(() => sleep(0));
  outer.cancel("m");

  await assert.rejects(loop.runUntilComplete(outer), { message: "m" });
  // asyncio 3.11: [('inner caught', ('m',)), ('outer caught', ('m',), True)]
  assert.deepEqual(log, [["inner caught", "m"], ["outer caught", "m", true]]);
  assert.equal(loop.time(), 0);
  loop.close();
});

Deno.test("Task.cancel() of a task awaiting a task that ignores it: the outer gets the inner's result; a second cancel reaches the inner again", async (t) => {
  for (const cancels of [[1], [1, 1.5]]) {
    await t.step(`cancel at ${cancels.join(" and ")}`, async () => {
      const loop = new EventLoop({ clock: "virtual" });
      const log: unknown[] = [];
      const outer = loop.createTask(async () => {
        const inner = loop.createTask(async () => {
          try {
            await sleep(10);
          } catch {
            log.push("inner ignores");
          }
          await sleep(1);
          return "ignored";
        });
        const result = await inner;
        log.push(["outer got", result, currentTask()!.cancelling()]);
        await sleep(1);
        log.push("outer continues");
        return result;
      });
      for (const at of cancels) loop.callLater(at, () => outer.cancel());

      if (cancels.length === 1) {
        assert.equal(await loop.runUntilComplete(outer), "ignored");
        // asyncio 3.11: ['inner ignores', ('outer got', 'ignored', 1, 2.0),
        // 'outer continues']
        assert.deepEqual(log, [
          "inner ignores",
          ["outer got", "ignored", 1],
          "outer continues",
        ]);
        assert.equal(loop.time(), 3);
      } else {
        await assert.rejects(loop.runUntilComplete(outer), CancelledError);
        // asyncio 3.11: ['inner ignores'], and the task is cancelled.
        assert.deepEqual(log, ["inner ignores"]);
        assert.equal(loop.time(), 1.5);
      }
      loop.close();
    });
  }
});

Deno.test("Task.cancel() of a task parked on sleep(0) delivers the error in the task's own queue slot", async (t) => {
  // Two tasks take turns on sleep(0); a callback cancels one of them between
  // their steps. asyncio 3.11's logs:
  const cases = [
    {
      cancel: "A",
      expected: ["A0", "B0", "A1", "B1", "cancel A", "A cancelled", "B2"],
    },
    {
      cancel: "B",
      expected: ["A0", "B0", "A1", "B1", "cancel B", "A2", "B cancelled"],
    },
  ];
  for (const { cancel, expected } of cases) {
    await t.step(`cancel ${cancel}`, async () => {
      const loop = new EventLoop({ clock: "virtual" });
      const log: string[] = [];
      const worker = async (name: string) => {
        try {
          for (let i = 0; i < 3; i++) {
            log.push(`${name}${i}`);
            await sleep(0);
          }
        } catch (error) {
          log.push(`${name} cancelled`);
          throw error;
        }
      };
      const a = loop.createTask(() => worker("A"));
      const b = loop.createTask(() => worker("B"));
      loop.callSoon(() =>
        loop.callSoon(() => {
          log.push(`cancel ${cancel}`);
          (cancel === "A" ? a : b).cancel();
        })
      );
      await loop.runUntilComplete(gather([a, b], { returnExceptions: true }));
      assert.deepEqual(log, expected);
      assert.equal((cancel === "A" ? a : b).cancelled(), true);
      loop.close();
    });
  }
});

Deno.test("Task.cancel() of a task awaiting a foreign promise arrives at its next await of one of ours", async (t) => {
  await t.step("a native promise resolved by a loop callback", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const log: unknown[] = [];
    const task = loop.createTask(async () => {
      const native = new Promise<string>((resolve) => {
        loop.callLater(2, () => resolve("native"));
      });
      log.push(["got", await native, loop.time()]);
      try {
        await sleep(0);
        log.push("sleep(0) passed");
      } catch (error) {
        log.push(["next await", (error as Error).message, loop.time()]);
        throw error;
      }
    });
    loop.callLater(1, () => log.push(["cancel", task.cancel("away")]));

    await assert.rejects(loop.runUntilComplete(task), { message: "away" });
    assert.deepEqual(log, [
      ["cancel", true],
      ["got", "native", 2],
      ["next await", "away", 2],
    ]);
    loop.close();
  });
  await t.step("a promise resolved by the host's setTimeout", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const log: unknown[] = [];
    // The host's timer starts once the task is cancelled, so it resolves
    // the promise from outside the loop after the cancel() in any runtime.
    let resolve!: (value: string) => void;
    const host = new Promise<string>((r) => resolve = r);
    const task = loop.createTask(async () => {
      log.push(["got", await host]);
      try {
        await sleep(5);
        log.push("sleep passed");
      } catch (error) {
        log.push(["next await", (error as Error).message]);
        throw error;
      }
    });
    loop.callSoon(() =>
      loop.callSoon(() => {
        log.push(["cancel", task.cancel("away")]);
        setTimeout(() => resolve("host"), 0);
      })
    );

    await assert.rejects(loop.runUntilComplete(task), { message: "away" });
    assert.deepEqual(log, [["cancel", true], ["got", "host"], [
      "next await",
      "away",
    ]]);
    assert.equal(loop.time(), 0);
    loop.close();
  });
});

Deno.test("Task.signal aborts on cancel() with a CancelledError reason", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const task = loop.createTask(() => sleep(5));
  const signal = task.signal;
  assert.equal(signal, task.signal);
  const reasons: unknown[] = [];
  signal.addEventListener("abort", () => reasons.push(signal.reason));
  loop.callLater(1, () => task.cancel("why"));

  await assert.rejects(loop.runUntilComplete(task), CancelledError);
  assert.equal(signal.aborted, true);
  assert.equal(reasons.length, 1);
  assert.ok(reasons[0] instanceof CancelledError);
  assert.equal(reasons[0].message, "why");
  // A signal asked for after the cancellation is aborted already.
  const late = loop.createTask(() => {});
  late.cancel();
  assert.equal(late.signal.aborted, true);
  assert.ok(late.signal.reason instanceof CancelledError);
  await assert.rejects(loop.runUntilComplete(late), CancelledError);
  loop.close();
});

Deno.test("Task.signal lets foreign work stop with the task", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  const task = loop.createTask(async () => {
    const signal = currentTask()!.signal;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, 60_000);
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        log.push("foreign work stopped");
        reject(signal.reason);
      });
    });
  });
  loop.callLater(1, () => task.cancel("enough"));
  await assert.rejects(loop.runUntilComplete(task), {
    name: "CancelledError",
    message: "enough",
  });
  assert.deepEqual(log, ["foreign work stopped"]);
  assert.equal(task.cancelled(), true);
  loop.close();
});

Deno.test("EventLoop.createTask() with a signal cancels the task when it aborts", async (t) => {
  await t.step("aborted while the task waits", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const controller = new AbortController();
    const log: string[] = [];
    const task = loop.createTask(async () => {
      try {
        await sleep(5);
      } catch (error) {
        log.push((error as Error).message);
        throw error;
      }
    }, { signal: controller.signal });
    loop.callLater(1, () => controller.abort(new Error("aborted!")));

    await assert.rejects(loop.runUntilComplete(task), {
      name: "CancelledError",
      message: "aborted!",
    });
    assert.deepEqual(log, ["aborted!"]);
    assert.equal(loop.time(), 1);
    loop.close();
  });
  await t.step("aborted before: cancelled at once, never started", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    let ran = false;
    const task = loop.createTask(() => {
      ran = true;
    }, { signal: AbortSignal.abort("pre") });
    assert.equal(task.cancelling(), 1);
    assert.equal(task.done(), false);
    await assert.rejects(loop.runUntilComplete(task), {
      name: "CancelledError",
      message: "pre",
    });
    assert.equal(ran, false);
    loop.close();
  });
  await t.step("a finished task ignores a later abort", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const controller = new AbortController();
    const task = loop.createTask(() => "done", { signal: controller.signal });
    assert.equal(await loop.runUntilComplete(task), "done");
    controller.abort();
    assert.equal(task.cancelled(), false);
    assert.equal(task.result(), "done");
    loop.close();
  });
});

/** An AbortSignal stand-in that counts its listeners. */
class CountingSignal {
  aborted = false;
  reason: unknown = undefined;
  #listeners = new Set<() => void>();
  added = 0;

  get listeners(): number {
    return this.#listeners.size;
  }

  addEventListener(type: string, listener: () => void): void {
    assert.equal(type, "abort");
    this.added++;
    this.#listeners.add(listener);
  }

  removeEventListener(type: string, listener: () => void): void {
    assert.equal(type, "abort");
    this.#listeners.delete(listener);
  }

  abort(reason: unknown): void {
    this.aborted = true;
    this.reason = reason;
    const listeners = [...this.#listeners];
    this.#listeners.clear();
    for (const listener of listeners) listener();
  }
}

Deno.test("EventLoop.createTask() leaves no listener on a long-lived signal once its tasks are done", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const shared = new CountingSignal();
  const signal = shared as unknown as AbortSignal;
  const tasks = [];
  for (let i = 0; i < 300; i++) {
    // Results, failures and cancellations: every way a task can end.
    const kind = i % 3;
    const task = loop.createTask(async () => {
      await sleep(i % 7);
      if (kind === 1) throw new Error(`failure ${i}`);
      return i;
    }, { signal });
    if (kind === 2) loop.callLater(1, () => task.cancel());
    tasks.push(task);
  }
  assert.equal(shared.listeners, 300);

  await loop.runUntilComplete(gather(tasks, { returnExceptions: true }));
  assert.equal(shared.added, 300);
  assert.equal(shared.listeners, 0);

  // The signal still works for new tasks, and cancels them.
  const late = loop.createTask(() => sleep(10), { signal });
  assert.equal(shared.listeners, 1);
  loop.callLater(1, () => shared.abort(new Error("shut down")));
  await assert.rejects(loop.runUntilComplete(late), { message: "shut down" });
  assert.equal(shared.listeners, 0);
  loop.close();
});

Deno.test("Task.cancel() reaches the task's own await while an async helper it called directly has woken meanwhile", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const seen: string[] = [];
  const main = loop.createTask(async () => {
    const helper = (async () => {
      await sleep(1);
      seen.push(`helper woke at ${loop.time()}`);
    })();
    try {
      await sleep(100);
    } catch (error) {
      if (!(error instanceof CancelledError)) throw error;
      seen.push(`cancelled at ${loop.time()}`);
    }
    await helper;
  });
  loop.callLater(2, () => main.cancel());
  await loop.runUntilComplete(main);
  assert.deepEqual(seen, ["helper woke at 1", "cancelled at 2"]);
  loop.close();
});

Deno.test("Task.cancel() by the task's own code reaches what it awaits, and code a generator task runs inline", async (t) => {
  await t.step(
    "a branch of Promise.all cancels the long sleep at once",
    async () => {
      const loop = new EventLoop({ clock: "virtual" });
      const log = await loop.runUntilComplete(async () => {
        try {
          await Promise.all([
            (async () => {
              await sleep(1);
              currentTask()!.cancel();
            })(),
            sleep(100),
          ]);
          return ["not cancelled", loop.time()];
        } catch (error) {
          return [(error as Error).name, loop.time()];
        }
      });
      assert.deepEqual(log, ["CancelledError", 1]);
      loop.close();
    },
  );
  await t.step("in a body a generator task runs inline", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const log: unknown[] = [];
    const result = await loop.runUntilComplete(function* () {
      try {
        yield* ensureFuture(timeout(50, function* () {
          yield* sleep(1);
          currentTask()!.cancel();
          try {
            yield* sleep(10);
            log.push(["body not cancelled", loop.time()]);
          } catch (error) {
            log.push(["body", (error as Error).name, loop.time()]);
            throw error;
          }
        }));
      } catch (error) {
        log.push(["task", (error as Error).name, loop.time()]);
      }
      yield* sleep(1);
      return loop.time();
    });
    assert.deepEqual(log, [
      ["body", "CancelledError", 1],
      ["task", "CancelledError", 1],
    ]);
    assert.equal(result, 2);
    loop.close();
  });
});
