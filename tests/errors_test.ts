import assert from "node:assert/strict";
import {
  CancelledError,
  EventLoop,
  ExceptionGroup,
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

// ExceptionGroup's Python surface: expected values from Python 3.13's
// ExceptionGroup (KeyError and ValueError are Error and RangeError here).

/** Python's repr of a group, to compare shapes: `top[a, inner[b]]`. */
function shape(error: unknown): string {
  if (error === undefined) return "None";
  if (!(error instanceof ExceptionGroup)) return (error as Error).message;
  return `${error.message}[${error.exceptions.map(shape).join(", ")}]`;
}

function sample(): ExceptionGroup {
  return new ExceptionGroup("top", [
    new RangeError("1"),
    new TypeError("2"),
    new ExceptionGroup("inner", [new RangeError("3"), new Error("4")]),
  ], { cause: new Error("cause") });
}

Deno.test("ExceptionGroup.exceptions is errors, frozen and read-only", () => {
  const group = sample();
  assert.equal(group.exceptions, group.errors);
  assert.ok(Object.isFrozen(group.exceptions));
  assert.throws(() => {
    (group.errors as unknown[]).push(1);
  }, TypeError);
  assert.throws(() => {
    (group as { errors: unknown[] }).errors = [];
  }, TypeError);
  assert.throws(() => {
    (group as { exceptions: unknown }).exceptions = [];
  }, TypeError);
  assert.equal(group.exceptions.length, 3);
  assert.ok(group instanceof AggregateError);
});

Deno.test("ExceptionGroup.subgroup() keeps the structure, message and cause, as Python's", async (t) => {
  const group = sample();
  await t.step("a class", () => {
    // ExceptionGroup('top', [ValueError(1), ExceptionGroup('inner',
    // [ValueError(3)])]), with the cause
    const match = group.subgroup(RangeError)!;
    assert.equal(shape(match), "top[1, inner[3]]");
    assert.equal(match.cause, group.cause);
    assert.equal(match.stack, group.stack);
    assert.equal(match.exceptions[0], group.exceptions[0]);
    assert.notEqual(match.exceptions[1], group.exceptions[2]);
  });
  await t.step("an array of classes", () => {
    // Any class of the array matches: Error matches every error, so the
    // whole group comes back, as Python's subgroup((TypeError, SyntaxError,
    // Exception)); [TypeError, URIError] keeps TypeError(2) alone.
    assert.equal(
      shape(group.subgroup([TypeError, SyntaxError, Error])),
      "top[1, 2, inner[3, 4]]",
    );
    const types = group.subgroup([TypeError, URIError]);
    assert.equal(shape(types), "top[2]");
  });
  await t.step("nothing matches: undefined (Python's None)", () => {
    assert.equal(group.subgroup(URIError), undefined);
    assert.equal(group.subgroup(() => false), undefined);
  });
  await t.step("a match of the whole group is the group itself", () => {
    assert.equal(group.subgroup(() => true), group);
    assert.equal(group.subgroup(ExceptionGroup), group);
    // All of its exceptions matching makes a new group.
    const all = new ExceptionGroup("v", [new RangeError("1")]);
    assert.notEqual(all.subgroup(RangeError), all);
  });
  await t.step("the predicate sees the groups, top first", () => {
    // ['ExceptionGroup', 'ValueError', 'TypeError', 'ExceptionGroup',
    // 'ValueError', 'KeyError']
    const seen: string[] = [];
    group.subgroup((error) => {
      seen.push((error as Error).name);
      return false;
    });
    assert.deepEqual(seen, [
      "ExceptionGroup",
      "RangeError",
      "TypeError",
      "ExceptionGroup",
      "RangeError",
      "Error",
    ]);
  });
});

Deno.test("ExceptionGroup.split() gives [match, rest], as Python's", () => {
  const group = sample();
  // (ExceptionGroup('top', [ValueError(1), ExceptionGroup('inner',
  // [ValueError(3)])]), ExceptionGroup('top', [TypeError(2),
  // ExceptionGroup('inner', [KeyError(4)])]))
  const [match, rest] = group.split(RangeError);
  assert.equal(shape(match), "top[1, inner[3]]");
  assert.equal(shape(rest), "top[2, inner[4]]");
  assert.equal(rest!.cause, group.cause);
  assert.equal(String(rest), "ExceptionGroup: top (2 sub-exceptions)");
  // A nested group that matches goes whole: (ExceptionGroup('top',
  // [ExceptionGroup('inner', [ValueError(3), KeyError(4)])]),
  // ExceptionGroup('top', [ValueError(1), TypeError(2)]))
  const [inner, others] = group.split((error) =>
    error instanceof ExceptionGroup && error.message === "inner"
  );
  assert.equal(shape(inner), "top[inner[3, 4]]");
  assert.equal(inner!.exceptions[0], group.exceptions[2]);
  assert.equal(shape(others), "top[1, 2]");
  // (ExceptionGroup(...the group...), None)
  const [whole, none] = group.split(ExceptionGroup);
  assert.equal(whole, group);
  assert.equal(none, undefined);
  assert.deepEqual(group.split(URIError).map(shape), ["None", shape(group)]);
  // Leaves that are not errors (JavaScript throws anything) are kept.
  const odd = new ExceptionGroup("odd", [undefined, "text", 0]);
  assert.deepEqual(odd.split((e) => e === undefined).map((g) => g?.errors), [
    [undefined],
    ["text", 0],
  ]);
});

Deno.test("ExceptionGroup: derive() makes the groups of subgroup() and split()", () => {
  class MyGroup extends ExceptionGroup {
    override derive(errors: Iterable<unknown>): MyGroup {
      return new MyGroup(`my ${this.message}`, errors);
    }
  }
  const group = new MyGroup("g", [new RangeError("1"), new TypeError("2")]);
  const [match, rest] = group.split(RangeError);
  assert.ok(match instanceof MyGroup);
  assert.equal(shape(match), "my g[1]");
  assert.equal(shape(rest), "my g[2]");
  // Without an override, the groups are ExceptionGroups (as Python's).
  class Plain extends ExceptionGroup {}
  const plain = new Plain("p", [new RangeError("1"), new TypeError("2")]);
  assert.equal(plain.subgroup(RangeError)!.constructor, ExceptionGroup);
  // derive() must give a group.
  class Bad extends ExceptionGroup {
    override derive(): ExceptionGroup {
      return 42 as unknown as ExceptionGroup;
    }
  }
  const bad = new Bad("b", [new RangeError("1"), new TypeError("2")]);
  assert.throws(() => bad.subgroup(RangeError), {
    name: "TypeError",
    message: "ExceptionGroup.derive() must return an ExceptionGroup, got 42",
  });
});

Deno.test("ExceptionGroup.subgroup() and split() refuse a condition that is none of Python's", async (t) => {
  const group = sample();
  const what = "an error class, an array of error classes, or a predicate";
  class NotAnError {}
  for (
    const [label, condition] of [
      ["a number", 42],
      ["an array with a non-class", [RangeError, 42]],
      ["a class that is not an Error", NotAnError],
    ] as const
  ) {
    await t.step(label, () => {
      for (const method of ["subgroup", "split"] as const) {
        assert.throws(
          () => group[method](condition as never),
          (error: unknown) =>
            error instanceof TypeError &&
            error.message.startsWith(
              `ExceptionGroup.${method}() expected \`condition\` to be ${what}, got `,
            ),
        );
      }
    });
  }
});
