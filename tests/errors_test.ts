import assert from "node:assert/strict";
import {
  CancelledError,
  EventLoop,
  getEventLoop,
  getRunningLoop,
  InvalidStateError,
  setEventLoop,
  TimeoutError,
} from "../mod.ts";

const CLASSES = [
  ["CancelledError", CancelledError],
  ["InvalidStateError", InvalidStateError],
  ["TimeoutError", TimeoutError],
] as const;

Deno.test("CancelledError, InvalidStateError and TimeoutError are Errors named after their class", async (t) => {
  for (const [name, ErrorClass] of CLASSES) {
    await t.step(name, () => {
      const error = new ErrorClass("message");
      assert.ok(error instanceof Error);
      assert.ok(error instanceof ErrorClass);
      assert.equal(error.name, name);
      assert.equal(error.message, "message");
      assert.equal(String(error), `${name}: message`);
      assert.equal(typeof error.stack, "string");
    });
  }
});

Deno.test("CancelledError, InvalidStateError and TimeoutError take no message or an ErrorOptions cause", async (t) => {
  for (const [name, ErrorClass] of CLASSES) {
    await t.step(name, () => {
      assert.equal(new ErrorClass().message, "");
      assert.equal(String(new ErrorClass()), name);
      const cause = new Error("underlying");
      assert.equal(new ErrorClass("wrapped", { cause }).cause, cause);
    });
  }
});

Deno.test("CancelledError, InvalidStateError and TimeoutError are distinct classes", () => {
  assert.ok(!(new CancelledError() instanceof InvalidStateError));
  assert.ok(!(new InvalidStateError() instanceof CancelledError));
  assert.ok(!(new TimeoutError() instanceof CancelledError));
  assert.ok(!(new CancelledError() instanceof TimeoutError));
});

/** A case from API.md's list of error messages. */
interface MessageCase {
  name: string;
  /** Throws (or rejects with) the error. */
  trigger(loop: EventLoop): unknown;
  /** The class the error must be exactly (not a subclass of). */
  errorClass: ErrorConstructor | typeof InvalidStateError;
  message: string;
}

const MESSAGES: MessageCase[] = [
  {
    name: "result() on a pending future",
    trigger: (loop) => loop.createFuture().result(),
    errorClass: InvalidStateError,
    message: "Result is not set.",
  },
  {
    name: "exception() on a pending future",
    trigger: (loop) => loop.createFuture().exception(),
    errorClass: InvalidStateError,
    message: "Exception is not set.",
  },
  {
    name: "setResult() on a done future",
    trigger: (loop) => {
      const future = loop.createFuture<number>();
      future.setResult(1);
      future.setResult(2);
    },
    errorClass: InvalidStateError,
    message: "invalid state",
  },
  {
    name: "setException() on a done future",
    trigger: (loop) => {
      const future = loop.createFuture<number>();
      future.cancel();
      future.setException(new Error("late"));
    },
    errorClass: InvalidStateError,
    message: "invalid state",
  },
  {
    name: "setResult() on a task",
    trigger: async (loop) => {
      const task = loop.createTask(() => Promise.resolve(1));
      await loop.runUntilComplete(task);
      task.setResult(2);
    },
    errorClass: Error,
    message: "Task does not support set_result operation",
  },
  {
    name: "setException() on a task",
    trigger: async (loop) => {
      const task = loop.createTask(() => Promise.resolve(1));
      await loop.runUntilComplete(task);
      task.setException(new Error("x"));
    },
    errorClass: Error,
    message: "Task does not support set_exception operation",
  },
  {
    name: "a scheduling call on a closed loop",
    trigger: (loop) => {
      loop.close();
      loop.callSoon(() => {});
    },
    errorClass: Error,
    message: "Event loop is closed",
  },
  {
    name: "running a closed loop",
    trigger: (loop) => {
      loop.close();
      return loop.runForever();
    },
    errorClass: Error,
    message: "Event loop is closed",
  },
  {
    name: "running a loop that is running",
    trigger: async (loop) => {
      const runs: Promise<unknown>[] = [];
      loop.callSoon(() => runs.push(loop.runForever()));
      loop.stop();
      await loop.runForever();
      await runs[0];
    },
    errorClass: Error,
    message: "This event loop is already running",
  },
  {
    name: "running a loop while another loop is running",
    trigger: async (loop) => {
      const other = new EventLoop({ clock: "virtual" });
      const runs: Promise<unknown>[] = [];
      loop.callSoon(() => runs.push(other.runForever()));
      loop.stop();
      await loop.runForever();
      other.close();
      await runs[0];
    },
    errorClass: Error,
    message: "Cannot run the event loop while another loop is running",
  },
  {
    name: "close() on a running loop",
    trigger: async (loop) => {
      let thrown: unknown;
      loop.callSoon(() => {
        try {
          loop.close();
        } catch (error) {
          thrown = error;
        }
      });
      loop.stop();
      await loop.runForever();
      throw thrown;
    },
    errorClass: Error,
    message: "Cannot close a running event loop",
  },
  {
    name: "the loop stopped before the awaited future finished",
    trigger: (loop) => {
      loop.callSoon(() => loop.stop());
      return loop.runUntilComplete(loop.createFuture());
    },
    errorClass: Error,
    message: "Event loop stopped before Future completed.",
  },
  {
    name: "getRunningLoop() with none running",
    trigger: () => getRunningLoop(),
    errorClass: Error,
    message: "no running event loop",
  },
  {
    name: "getEventLoop() after setEventLoop(null)",
    trigger: () => {
      const previous = getEventLoop();
      setEventLoop(null);
      try {
        getEventLoop();
      } finally {
        setEventLoop(previous);
      }
    },
    errorClass: Error,
    message: "There is no current event loop",
  },
];

Deno.test("asyncio-ts throws the contract's error messages, byte for byte, with their classes", async (t) => {
  for (const { name, trigger, errorClass, message } of MESSAGES) {
    await t.step(name, async () => {
      const loop = new EventLoop({ clock: "virtual" });
      await assert.rejects(
        async () => await trigger(loop),
        (error: unknown) => {
          assert.ok(error instanceof Error);
          assert.equal(error.constructor, errorClass);
          assert.equal(error.message, message);
          return true;
        },
      );
      if (!loop.isClosed()) loop.close();
    });
  }
});

Deno.test("CancelledError from a cancelled future carries the cancel() message", () => {
  const loop = new EventLoop();
  const future = loop.createFuture<number>();
  future.cancel("shutting down");
  assert.throws(() => future.result(), (error: unknown) => {
    assert.ok(error instanceof CancelledError);
    assert.equal(error.constructor, CancelledError);
    assert.equal(error.message, "shutting down");
    return true;
  });
  loop.close();
});
