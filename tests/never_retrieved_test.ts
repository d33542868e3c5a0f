/**
 * "Task exception was never retrieved": a failed future or task whose
 * exception nobody read is reported through its loop's exception handler
 * when the loop closes (and so when `run()` returns), once, and never when
 * the exception was read. The reports at garbage collection are
 * tests/integration/gc_test.ts's.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  createTask,
  EventLoop,
  type ExceptionContext,
  Future,
  gather,
  getRunningLoop,
  run,
  sleep,
  Task,
} from "../mod.ts";

/** A loop whose exception handler keeps every context it is called with. */
function recordingLoop(): { loop: EventLoop; reports: ExceptionContext[] } {
  const loop = new EventLoop({ clock: "virtual" });
  const reports: ExceptionContext[] = [];
  loop.setExceptionHandler((_loop, context) => void reports.push(context));
  return { loop, reports };
}

Deno.test("EventLoop.close() reports a failed task nobody awaited, once, with the task and its error", async () => {
  const { loop, reports } = recordingLoop();
  const error = new TypeError("lost in the background");
  let task!: Task<void>;
  await loop.runUntilComplete(async () => {
    task = createTask(async () => {
      await sleep(1);
      throw error;
    });
    await sleep(2);
  });
  assert.ok(task.done());
  assert.equal(reports.length, 0);
  loop.close();
  assert.equal(reports.length, 1);
  const [report] = reports;
  assert.equal(report!.message, "Task exception was never retrieved");
  assert.equal(report!.exception, error);
  assert.equal(report!.future, task);
  assert.deepEqual(Object.keys(report!).sort(), [
    "exception",
    "future",
    "message",
  ]);
  // Never twice: not by a second close, nor by reading it afterwards.
  loop.close();
  assert.equal(task.exception(), error);
  assert.equal(reports.length, 1);
});

Deno.test("EventLoop.close() reports a failed Future as 'Future exception was never retrieved'", () => {
  const { loop, reports } = recordingLoop();
  const future = loop.createFuture<number>();
  const error = new RangeError("nobody asked");
  future.setException(error);
  loop.close();
  assert.deepEqual(reports, [{
    message: "Future exception was never retrieved",
    exception: error,
    future,
  }]);
});

Deno.test("EventLoop.close() reports the failures in the order they happened, each once, even when the handler reads the others", () => {
  const { loop, reports } = recordingLoop();
  const futures = [0, 1, 2].map(() => loop.createFuture<void>());
  futures[2]!.setException(new Error("first"));
  futures[0]!.setException(new Error("second"));
  futures[1]!.setException(new Error("third"));
  const seen: string[] = [];
  loop.setExceptionHandler((_loop, context) => {
    seen.push((context.exception as Error).message);
    // Reading another one's exception here takes it out of the report.
    futures[1]!.exception();
  });
  loop.close();
  assert.deepEqual(seen, ["first", "second"]);
  assert.deepEqual(reports, []);
});

Deno.test("EventLoop.close() reports nothing for exceptions retrieved by result(), exception(), await or gather()", async () => {
  const { loop, reports } = recordingLoop();
  const byResult = loop.createFuture<void>();
  byResult.setException(new Error("result"));
  assert.throws(() => byResult.result(), { message: "result" });
  const byException = loop.createFuture<void>();
  byException.setException(new Error("exception"));
  assert.equal((byException.exception() as Error).message, "exception");
  await loop.runUntilComplete(async () => {
    const awaited = createTask(() => Promise.reject(new Error("awaited")));
    await assert.rejects(async () => await awaited, { message: "awaited" });
    // gather() reads its children's exceptions, and the caller its own.
    const children = [
      createTask(() => Promise.reject(new Error("child 1"))),
      createTask(() => Promise.reject(new Error("child 2"))),
    ];
    await assert.rejects(async () => await gather(children), {
      message: "child 1",
    });
    await sleep(0);
    // A task run by runUntilComplete() is read by it.
  });
  await assert.rejects(
    loop.runUntilComplete(() => Promise.reject(new Error("main"))),
    { message: "main" },
  );
  loop.close();
  assert.deepEqual(reports, []);
});

Deno.test("EventLoop.close() reports nothing for cancelled tasks and futures", async () => {
  const { loop, reports } = recordingLoop();
  const future = loop.createFuture<void>();
  future.cancel();
  await loop.runUntilComplete(async () => {
    const task = createTask(() => sleep(10));
    await sleep(0);
    task.cancel();
    await sleep(0);
  });
  loop.close();
  assert.deepEqual(reports, []);
});

Deno.test("EventLoop.close() in debug mode adds where the failed future was created", () => {
  const { loop, reports } = recordingLoop();
  loop.setDebug(true);
  const future = new Future<void>({ loop });
  future.setException(new Error("debug"));
  loop.close();
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.future, future);
  assert.equal(typeof reports[0]!.sourceTraceback, "string");
  assert.match(
    reports[0]!.sourceTraceback as string,
    /never_retrieved_test\.[jt]s/,
  );
});

Deno.test("run() reports a failed background task through the loop's exception handler before it returns", async () => {
  const events: string[] = [];
  const error = new Error("background failure");
  const reports: ExceptionContext[] = [];
  const result = await run(async () => {
    getRunningLoop().setExceptionHandler((_loop, context) => {
      events.push("report");
      reports.push(context);
    });
    createTask(async () => {
      await sleep(0.5);
      throw error;
    }, { name: "background" });
    await sleep(1);
    events.push("main returns");
    return "main's result";
  }, { clock: "virtual" });
  events.push("run returned");
  assert.equal(result, "main's result");
  assert.deepEqual(events, ["main returns", "report", "run returned"]);
  assert.equal(reports[0]!.message, "Task exception was never retrieved");
  assert.equal(reports[0]!.exception, error);
  assert.ok(reports[0]!.future instanceof Task);
  assert.equal((reports[0]!.future as Task<unknown>).getName(), "background");
});

Deno.test("run() reports nothing for a main that fails: run() itself throws its error", async () => {
  const reports: ExceptionContext[] = [];
  await assert.rejects(
    run(async () => {
      getRunningLoop().setExceptionHandler((_loop, context) =>
        void reports.push(context)
      );
      await sleep(1);
      throw new Error("main fails");
    }, { clock: "virtual" }),
    { message: "main fails" },
  );
  assert.deepEqual(reports, []);
});
