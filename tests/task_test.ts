import assert from "node:assert/strict";
import {
  CancelledError,
  createTask,
  currentTask,
  EventLoop,
  sleep,
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
  // asyncio.create_task() outside a loop: RuntimeError('no running event loop')
  assert.throws(() => createTask(() => {}), {
    message: "no running event loop",
  });
  loop.close();
});
