import assert from "node:assert/strict";
import { EventLoop } from "../mod.ts";

Deno.test("a task that awaits a future of another loop gets an Error on its loop's next iteration", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const other = new EventLoop({ clock: "virtual" });
  const order: string[] = [];
  const result = await loop.runUntilComplete(async () => {
    const fut = other.createFuture<void>();
    loop.callSoon(() => order.push("callback queued before the await"));
    try {
      await fut;
    } catch (error) {
      assert.ok(error instanceof Error);
      assert.match(
        error.message,
        /^Task <Task .*> got Future <Future pending> attached to a different loop$/,
      );
      order.push("error");
    }
    return "went on";
  });
  assert.equal(result, "went on");
  assert.deepEqual(order, ["callback queued before the await", "error"]);
  loop.close();
  other.close();
});
