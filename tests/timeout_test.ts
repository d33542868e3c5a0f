import assert from "node:assert/strict";
import {
  CancelledError,
  currentTask,
  EventLoop,
  sleep,
  type Task,
  type Timeout,
  timeout,
  timeoutAt,
  TimeoutError,
  waitFor,
} from "../mod.ts";

// Expected values come from the same programs run on Python 3.11's asyncio.

Deno.test("timeout() lets a cancellation that meets its expiry propagate as CancelledError, as asyncio", async (t) => {
  // The deadline is moved to "now" (its callback runs next iteration) and
  // the task is cancelled from elsewhere, in both orders, or right after
  // the expiry but before the task wakes.
  const cases = [
    {
      name: "expiry scheduled, then cancel",
      at1: (scope: Timeout, task: Task<unknown>, loop: EventLoop) => {
        scope.reschedule(loop.time());
        task.cancel("real");
      },
      // asyncio 3.11: CancelledError('real'), expired() True, cancelling 1.
      expected: ["real", true, 1],
    },
    {
      name: "cancel, then expiry scheduled",
      at1: (scope: Timeout, task: Task<unknown>, loop: EventLoop) => {
        task.cancel("real");
        scope.reschedule(loop.time());
      },
      expected: ["real", false, 1],
    },
    {
      name: "expiry, then cancel before the wakeup",
      at1: (scope: Timeout, task: Task<unknown>, loop: EventLoop) => {
        scope.reschedule(loop.time());
        loop.callSoon(() => task.cancel("real"));
      },
      // asyncio 3.11: CancelledError() (the expiry's, without a message).
      expected: ["", true, 1],
    },
  ];
  for (const { name, at1, expected } of cases) {
    await t.step(name, async () => {
      const loop = new EventLoop({ clock: "virtual" });
      const log: unknown[] = [];
      const task: Task<string> = loop.createTask(async () => {
        let scope!: Timeout;
        try {
          await timeout(10, async (s) => {
            scope = s;
            loop.callLater(1, at1, s, task as Task<unknown>, loop);
            await sleep(10);
          });
        } catch (error) {
          assert.ok(error instanceof CancelledError);
          log.push(error.message, scope.expired(), currentTask()!.cancelling());
          throw error;
        }
        return "returned";
      });
      await assert.rejects(loop.runUntilComplete(task), CancelledError);
      assert.deepEqual(log, expected);
      assert.equal(task.cancelled(), true);
      loop.close();
    });
  }
});

Deno.test("Timeout.toString() and Timeout.reschedule() name the states as asyncio", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  await loop.runUntilComplete(async () => {
    const scope = timeout(5);
    log.push(String(scope));
    await scope.run(async (s) => {
      log.push(String(s));
      await sleep(1);
    });
    log.push(String(scope));
    try {
      scope.reschedule(10);
    } catch (error) {
      log.push((error as Error).message);
    }
  });
  // asyncio 3.11: <Timeout [finished]>, "Cannot change state of finished
  // Timeout" (its repr of an active one also shows when=...).
  assert.deepEqual(log, [
    "<Timeout [created]>",
    "<Timeout [active] when=5>",
    "<Timeout [finished]>",
    "Cannot change state of finished Timeout",
  ]);
  loop.close();
});

Deno.test("Timeout's repr shows when=None without a deadline, and when rounded to milliseconds", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  await loop.runUntilComplete(async () => {
    await timeout(null, (s) => {
      log.push(String(s));
    });
    await timeout(1.23456, (s) => {
      log.push(String(s));
    });
  });
  // asyncio 3.11 (at loop time 0): <Timeout [active] when=None>,
  // <Timeout [active] when=1.235>.
  assert.deepEqual(log, [
    "<Timeout [active] when=None>",
    "<Timeout [active] when=1.235>",
  ]);
  loop.close();
});

async function value<T>(delay: number, result: T): Promise<T> {
  await sleep(delay);
  return result;
}

Deno.test("waitFor() returns the result when it comes in time", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const result = await loop.runUntilComplete(() =>
    waitFor(() => value(1, "ok"), 5)
  );
  // asyncio 3.11: ('ok', 1.0)
  assert.equal(result, "ok");
  assert.equal(loop.time(), 1);
  assert.equal(
    await loop.runUntilComplete(() => waitFor(value(1, "none"), null)),
    "none",
  );
  loop.close();
});

Deno.test("waitFor() throws TimeoutError at the timeout, after cancelling the inner task", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  await loop.runUntilComplete(async () => {
    const inner = loop.createTask(async () => {
      try {
        await sleep(10);
      } catch (error) {
        log.push(["inner cancelled", loop.time()]);
        throw error;
      }
    });
    try {
      await waitFor(inner, 2);
    } catch (error) {
      assert.ok(error instanceof TimeoutError);
      assert.ok(error.cause instanceof CancelledError);
      log.push(["TimeoutError", loop.time(), inner.cancelled()]);
    }
  });
  // asyncio 3.11: [('inner cancelled', 2.0), ('TimeoutError()',
  // 'CancelledError', 2.0, True)]
  assert.deepEqual(log, [["inner cancelled", 2], ["TimeoutError", 2, true]]);
  loop.close();
});

Deno.test("waitFor() with a timeout of zero or less returns a done result, or cancels and throws TimeoutError", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  await loop.runUntilComplete(async () => {
    const done = loop.createFuture<string>();
    done.setResult("done already");
    log.push(await waitFor(done, 0));

    let started = false;
    const notStarted = loop.createTask(() => {
      started = true;
      return sleep(10);
    });
    try {
      await waitFor(notStarted, 0);
    } catch (error) {
      assert.ok(error instanceof TimeoutError);
      assert.ok(error.cause instanceof CancelledError);
      log.push(["TimeoutError", loop.time(), notStarted.cancelled(), started]);
    }

    const stubborn = loop.createTask(async () => {
      try {
        await sleep(10);
      } catch {
        return "refused";
      }
      return "slept";
    });
    await sleep(0);
    log.push(await waitFor(stubborn, -1));
  });
  // asyncio 3.11: ['done already', ('TimeoutError()', 'CancelledError', 0.0,
  // True), 'refused']
  assert.deepEqual(log, [
    "done already",
    ["TimeoutError", 0, true, false],
    "refused",
  ]);
  assert.equal(loop.time(), 0);
  loop.close();
});

Deno.test("waitFor() lets a cancellation of the waiting task through as CancelledError, not TimeoutError", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  const task = loop.createTask(async () => {
    try {
      await waitFor(async () => {
        try {
          await sleep(10);
        } catch (error) {
          log.push(["inner cancelled", loop.time()]);
          throw error;
        }
      }, 5);
    } catch (error) {
      log.push([(error as Error).name, (error as Error).message, loop.time()]);
      throw error;
    }
  });
  loop.callLater(1, () => task.cancel("outer"));

  await assert.rejects(loop.runUntilComplete(task), {
    name: "CancelledError",
    message: "outer",
  });
  // asyncio 3.11: [('inner cancelled', 1.0), ('outer CancelledError',
  // ('outer',), 1.0), ('task', ('outer',))]
  assert.deepEqual(log, [
    ["inner cancelled", 1],
    ["CancelledError", "outer", 1],
  ]);
  assert.equal(task.cancelled(), true);
  loop.close();
});

Deno.test("waitFor() does not swallow a cancellation that comes as the inner future completes, as Python 3.12", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const task = loop.createTask(async () => {
    const future = loop.createFuture<string>();
    loop.callLater(1, () => {
      future.setResult("inner result");
      task.cancel("outer");
    });
    return await waitFor(future, 10);
  });
  // Python 3.11's wait_for returns 'inner result' here and the task goes on
  // uncancelled; 3.12's, rebuilt on timeout(), raises CancelledError.
  await assert.rejects(loop.runUntilComplete(task), {
    name: "CancelledError",
    message: "outer",
  });
  assert.equal(task.cancelled(), true);
  loop.close();
});

Deno.test("waitFor() rejects a timeout that is not a number of seconds or null", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const future = loop.createFuture<number>();
    await assert.rejects(waitFor(future, NaN), {
      name: "RangeError",
      message: /`timeout`/,
    });
    // @ts-expect-error: not a number
    await assert.rejects(waitFor(future, "1"), {
      name: "TypeError",
      message: /`timeout`.*"1"/,
    });
    assert.equal(future.done(), false);
    future.cancel();
  });
  loop.close();
});

Deno.test("timeout() throws TimeoutError with the CancelledError as its cause when the deadline passes", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  await loop.runUntilComplete(async () => {
    let scope!: Timeout;
    try {
      await timeout(2, async (s) => {
        scope = s;
        log.push(["entered", String(s), s.expired()]);
        try {
          await sleep(10);
        } catch (error) {
          log.push(["body got", (error as Error).name, loop.time()]);
          throw error;
        }
      });
    } catch (error) {
      assert.ok(error instanceof TimeoutError);
      log.push([
        error.name,
        (error.cause as Error).name,
        loop.time(),
        scope.expired(),
        String(scope),
        currentTask()!.cancelling(),
      ]);
    }
  });
  // asyncio 3.11: [('entered', '<Timeout [active] when=...>', False),
  // ('body got', 'CancelledError', 2.0), ('TimeoutError', 'CancelledError',
  // 2.0, True, '<Timeout [expired]>', 0)]
  assert.deepEqual(log, [
    ["entered", "<Timeout [active] when=2>", false],
    ["body got", "CancelledError", 2],
    ["TimeoutError", "CancelledError", 2, true, "<Timeout [expired]>", 0],
  ]);
  loop.close();
});

Deno.test("timeout() returns the body's result when the deadline does not pass", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  await loop.runUntilComplete(async () => {
    let scope!: Timeout;
    log.push(
      await timeout(5, async (s) => {
        scope = s;
        return await value(1, "in time");
      }),
    );
    log.push([loop.time(), scope.expired(), String(scope)]);
    log.push(
      await timeout(null, async (s) => {
        scope = s;
        return await value(1, "no deadline");
      }),
    );
    log.push([loop.time(), scope.when(), String(scope)]);
    // The deadline's timer is gone: nothing fires at 5.
    await sleep(10);
    log.push(currentTask()!.cancelling());
  });
  // asyncio 3.11: [(1.0, False, '<Timeout [finished]>'), (2.0, None,
  // '<Timeout [finished]>')]
  assert.deepEqual(log, [
    "in time",
    [1, false, "<Timeout [finished]>"],
    "no deadline",
    [2, null, "<Timeout [finished]>"],
    0,
  ]);
  loop.close();
});

Deno.test("Timeout.reschedule() moves the deadline, removes it, or fires at once when it is past", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  await loop.runUntilComplete(async () => {
    try {
      await timeout(null, async (scope) => {
        scope.reschedule(loop.time() + 3);
        assert.equal(scope.when(), 3);
        await sleep(1);
        scope.reschedule(loop.time() + 1);
        await sleep(10);
      });
    } catch (error) {
      log.push([(error as Error).name, loop.time()]);
    }
    await timeout(1, async (scope) => {
      scope.reschedule(null);
      await sleep(2);
    });
    log.push(["unscheduled", loop.time()]);
    let scope!: Timeout;
    try {
      await timeoutAt(loop.time() + 1, async (s) => {
        scope = s;
        s.reschedule(loop.time() - 5);
        await sleep(2);
      });
    } catch (error) {
      log.push([(error as Error).name, loop.time()]);
    }
    try {
      scope.reschedule(1);
    } catch (error) {
      log.push((error as Error).message);
    }
    try {
      timeout(1).reschedule(1);
    } catch (error) {
      log.push((error as Error).message);
    }
  });
  // asyncio 3.11: [('timeout', 2.0), ('unscheduled', 4.0), ('past', 4.0),
  // "Cannot change state of expired Timeout", "Timeout has not been entered"]
  assert.deepEqual(log, [
    ["TimeoutError", 2],
    ["unscheduled", 4],
    ["TimeoutError", 4],
    "Cannot change state of expired Timeout",
    "Timeout has not been entered",
  ]);
  loop.close();
});

Deno.test("timeout() nested: the scope whose deadline passed converts, the other lets CancelledError through", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  await loop.runUntilComplete(async () => {
    let outer!: Timeout;
    let inner!: Timeout;
    await timeout(5, async (o) => {
      outer = o;
      try {
        await timeout(1, async (i) => {
          inner = i;
          await sleep(10);
        });
      } catch (error) {
        log.push([
          "inner",
          (error as Error).name,
          loop.time(),
          inner.expired(),
          outer.expired(),
        ]);
      }
      await sleep(1);
      log.push(["after inner", loop.time()]);
    });
    log.push(["outer expired", outer.expired()]);

    try {
      await timeout(1, async (o) => {
        outer = o;
        try {
          await timeout(5, async (i) => {
            inner = i;
            await sleep(10);
          });
        } catch (error) {
          log.push([
            "inner let through",
            (error as Error).name,
            loop.time(),
            inner.expired(),
          ]);
          throw error;
        }
      });
    } catch (error) {
      log.push(["outer", (error as Error).name, loop.time(), outer.expired()]);
    }
  });
  // asyncio 3.11: [('inner timeout', 1.0, True, False), ('after inner',
  // 2.0), ('outer', False), ('inner let CancelledError through', 3.0,
  // False), ('outer timeout', 3.0, True)]
  assert.deepEqual(log, [
    ["inner", "TimeoutError", 1, true, false],
    ["after inner", 2],
    ["outer expired", false],
    ["inner let through", "CancelledError", 3, false],
    ["outer", "TimeoutError", 3, true],
  ]);
  loop.close();
});

Deno.test("timeout() lets a real cancellation of the task through as CancelledError", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  const task = loop.createTask(async () => {
    let scope!: Timeout;
    try {
      await timeout(5, async (s) => {
        scope = s;
        await sleep(10);
      });
    } catch (error) {
      log.push([
        (error as Error).name,
        (error as Error).message,
        loop.time(),
        scope.expired(),
      ]);
      throw error;
    }
  });
  loop.callLater(1, () => task.cancel("real"));
  await assert.rejects(loop.runUntilComplete(task), {
    name: "CancelledError",
    message: "real",
  });
  // asyncio 3.11: [('CancelledError', ('real',), 1.0, False), ('task',
  // ('real',))]
  assert.deepEqual(log, [["CancelledError", "real", 1, false]]);
  // Its deadline's timer went with it.
  setTimeout(() => loop.stop(), 0);
  await loop.runForever();
  assert.equal(loop.time(), 1);
  loop.close();
});

Deno.test("Timeout.enter() and Timeout.exit() work by hand, and refuse a second entry or no task", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: unknown[] = [];
  await loop.runUntilComplete(async () => {
    const scope = timeout(1);
    scope.enter();
    try {
      await sleep(5);
    } catch (error) {
      try {
        scope.exit(error);
      } catch (converted) {
        log.push([(converted as Error).name, loop.time()]);
      }
    }
    try {
      scope.enter();
    } catch (error) {
      log.push((error as Error).message);
    }
    assert.throws(() => scope.exit(), { message: /^Cannot exit a/ });
  });
  // In a plain callback of a running loop, as asyncio says it there; with no
  // loop running at all, the error says how to run one.
  let outsideTask: unknown;
  loop.callSoon(() => {
    try {
      timeoutAt(null).enter();
    } catch (error) {
      outsideTask = error;
    }
  });
  loop.callSoon(loop.stop);
  await loop.runForever();
  assert.throws(() => {
    throw outsideTask;
  }, { message: "Timeout should be used inside a task" });
  assert.throws(() => timeoutAt(null).enter(), {
    message: /^Timeout\.enter\(\) needs a running event loop: /,
  });
  // asyncio 3.11: RuntimeError('Timeout has already been entered')
  assert.deepEqual(log, [
    ["TimeoutError", 1],
    "Timeout has already been entered",
  ]);
  loop.close();
});

Deno.test("timeout() and timeoutAt() reject a delay or deadline that is not a number of seconds or null", () => {
  const loop = new EventLoop({ clock: "virtual" });
  assert.throws(() => timeout(NaN), { name: "RangeError", message: /`delay`/ });
  // @ts-expect-error: not a number
  assert.throws(() => timeout("1"), { name: "TypeError", message: /`delay`/ });
  assert.throws(() => timeoutAt(NaN), {
    name: "RangeError",
    message: /`when`/,
  });
  loop.close();
});
