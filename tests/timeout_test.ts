import assert from "node:assert/strict";
import {
  CancelledError,
  currentTask,
  EventLoop,
  sleep,
  type Task,
  type Timeout,
  timeout,
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
