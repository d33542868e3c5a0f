import assert from "node:assert/strict";
import { EventLoop, sleep, TaskGroup } from "../mod.ts";

// Expected values come from the same programs run on Python 3.11's asyncio.

Deno.test("TaskGroup.enter() twice throws asyncio's message", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    const group = new TaskGroup();
    await group.run(() => sleep(0));
    // asyncio 3.11: RuntimeError('TaskGroup <TaskGroup entered> has
    // already been entered')
    await assert.rejects(group.run(() => {}), {
      message: "TaskGroup <TaskGroup entered> has already been entered",
    });
  });
  loop.close();
});
