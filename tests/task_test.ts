import assert from "node:assert/strict";
import { CancelledError, currentTask, EventLoop, sleep } from "../mod.ts";

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
