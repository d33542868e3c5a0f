// Context variables (contextvars.ts): ContextVar, Token, Context and
// copyContext() as Python's contextvars (PEP 567), and the context each task
// runs in, across sleeps and foreign awaits (host timers, file reads).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import {
  Context,
  ContextVar,
  copyContext,
  createTask,
  currentTask,
  ensureFuture,
  EventLoop,
  gather,
  getRunningLoop,
  LookupError,
  sleep,
  Task,
  TaskGroup,
  Token,
} from "../mod.ts";
import { useHostContext } from "../_host_context.ts";

const THIS_FILE = fileURLToPath(import.meta.url);

function hostTimer(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

Deno.test("ContextVar.get() returns the value, else the argument, else the default, else throws LookupError", () => {
  const plain = new ContextVar<number>("plain");
  const withDefault = new ContextVar("withDefault", { default: "d" });
  const undefinedDefault = new ContextVar<undefined>("u", {
    default: undefined,
  });
  assert.equal(plain.name, "plain");
  assert.equal(String(plain), "<ContextVar name='plain'>");
  assert.equal(
    String(withDefault),
    "<ContextVar name='withDefault' default='d'>",
  );
  assert.throws(() => plain.get(), {
    name: "LookupError",
    message: "<ContextVar name='plain'>",
  });
  assert.throws(() => plain.get(), LookupError);
  assert.equal(plain.get(7), 7);
  assert.equal(plain.get(undefined), undefined);
  assert.equal(withDefault.get(), "d");
  assert.equal(withDefault.get("arg"), "arg");
  assert.equal(undefinedDefault.get(), undefined);
  copyContext().run(() => {
    plain.set(1);
    withDefault.set("set");
    assert.equal(plain.get(), 1);
    assert.equal(plain.get(7), 1);
    assert.equal(withDefault.get("arg"), "set");
  });
  assert.throws(() => plain.get(), LookupError);
});

Deno.test("ContextVar() checks its name and options", () => {
  assert.throws(
    () => new ContextVar(1 as unknown as string),
    { name: "TypeError", message: /ContextVar\(\) expected `name`/ },
  );
  assert.throws(
    () => new ContextVar("x", null as unknown as { default: number }),
    { name: "TypeError", message: /`options`/ },
  );
});

Deno.test("ContextVar.set() returns a Token that ContextVar.reset() takes once", () => {
  const ctx = new Context();
  const v = new ContextVar<number>("v");
  ctx.run(() => {
    const first = v.set(1);
    assert.equal(first.var, v);
    assert.equal(first.oldValue, Token.MISSING);
    assert.equal(String(first), "<Token var=<ContextVar name='v'>>");
    const second = v.set(2);
    assert.equal(second.oldValue, 1);
    v.reset(second);
    assert.equal(v.get(), 1);
    assert.equal(String(second), "<Token used var=<ContextVar name='v'>>");
    // Python: RuntimeError('<Token used var=...> has already been used once')
    assert.throws(() => v.reset(second), {
      name: "Error",
      message:
        "<Token used var=<ContextVar name='v'>> has already been used once",
    });
    v.reset(first);
    assert.equal(ctx.has(v), false);
    assert.throws(() => v.get(), LookupError);
  });
});

Deno.test("ContextVar.reset() refuses a token of another variable, of another context, or no token", () => {
  const v = new ContextVar<number>("v");
  const w = new ContextVar<number>("w");
  const a = new Context();
  const b = new Context();
  const token = a.run(() => v.set(1));
  // Python: ValueError('<Token var=...> was created by a different ContextVar')
  a.run(() =>
    assert.throws(() => w.reset(token as unknown as Token<number>), {
      name: "RangeError",
      message:
        "<Token var=<ContextVar name='v'>> was created by a different ContextVar",
    })
  );
  // Python: ValueError('<Token var=...> was created in a different Context')
  b.run(() =>
    assert.throws(() => v.reset(token), {
      name: "RangeError",
      message:
        "<Token var=<ContextVar name='v'>> was created in a different Context",
    })
  );
  // A copy is another context too.
  const copy = a.copy();
  copy.run(() => assert.throws(() => v.reset(token), RangeError));
  assert.throws(
    () => v.reset({} as Token<number>),
    { name: "TypeError", message: /`token` to be a Token/ },
  );
  // The failed attempts did not use the token.
  a.run(() => v.reset(token));
  assert.equal(a.size, 0);
});

Deno.test("Token cannot be made but by ContextVar.set()", () => {
  const TokenClass = Token as unknown as new () => unknown;
  assert.throws(() => new TokenClass(), TypeError);
});

Deno.test("Context is a read-only mapping of variables to values", () => {
  const x = new ContextVar<number>("x");
  const y = new ContextVar<string>("y", { default: "dy" });
  const ctx = new Context();
  assert.equal(ctx.size, 0);
  assert.equal(String(ctx), "<Context object>");
  ctx.run(() => {
    x.set(1);
    y.set("b");
  });
  assert.equal(ctx.size, 2);
  assert.equal(ctx.get(x), 1);
  assert.equal(ctx.has(y), true);
  assert.deepEqual([...ctx.keys()], [x, y]);
  assert.deepEqual([...ctx.values()], [1, "b"]);
  assert.deepEqual([...ctx.entries()], [[x, 1], [y, "b"]]);
  assert.deepEqual([...ctx], [x, y]);
  const z = new ContextVar<number>("z", { default: 3 });
  // Python's ctx.get(var, default=None): the variable's default does not count.
  assert.equal(ctx.get(z), undefined);
  assert.equal(ctx.get(z, 9), 9);
  assert.equal(ctx.has(z), false);
  assert.throws(
    () => ctx.get({} as ContextVar<number>),
    { name: "TypeError", message: /`var` to be a ContextVar/ },
  );
  assert.throws(
    () => ctx.has(null as unknown as ContextVar<number>),
    TypeError,
  );
});

Deno.test("Context.copy() and copyContext() snapshot the values; each side changes on its own", () => {
  const v = new ContextVar<string>("v");
  const original = new Context();
  original.run(() => {
    v.set("a");
    const copied = copyContext();
    assert.equal(copied.get(v), "a");
    v.set("b");
    assert.equal(copied.get(v), "a");
    copied.run(() => {
      assert.equal(v.get(), "a");
      v.set("c");
    });
    assert.equal(v.get(), "b");
    assert.equal(copied.get(v), "c");
  });
  const copy = original.copy();
  assert.equal(copy.get(v), "b");
  copy.run(() => v.set("d"));
  assert.equal(original.get(v), "b");
});

Deno.test("Context.run() nests, restores the outer context when fn throws, and refuses an entered context", () => {
  const v = new ContextVar<string>("v", { default: "top" });
  const outer = new Context();
  const inner = new Context();
  const seen: string[] = [];
  const result = outer.run(
    (a: number, b: number) => {
      v.set("outer");
      inner.run(() => {
        seen.push(v.get());
        v.set("inner");
        seen.push(v.get());
        assert.throws(() => outer.run(() => {}), {
          name: "Error",
          message:
            "Context.run() cannot run code in <Context object>: it is already running code (a run() of it has not returned, or it is the current task's context)",
        });
        assert.throws(() => inner.run(() => {}), Error);
      });
      seen.push(v.get());
      assert.throws(() =>
        inner.run(() => {
          v.set("again");
          throw new Error("boom");
        }), /boom/);
      seen.push(v.get());
      return a + b;
    },
    2,
    3,
  );
  assert.equal(result, 5);
  assert.deepEqual(seen, ["top", "inner", "outer", "outer"]);
  assert.equal(v.get(), "top");
  assert.equal(inner.get(v), "again");
  // Not entered any more.
  assert.equal(outer.run(() => v.get()), "outer");
});

Deno.test("a task runs in a copy of its creator's context: changes do not leak out, nor in", async () => {
  const v = new ContextVar<string>("v", { default: "none" });
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  await loop.runUntilComplete(async () => {
    v.set("main");
    const child = createTask(async () => {
      log.push(`child starts: ${v.get()}`);
      v.set("child");
      await sleep(1);
      log.push(`child after sleep: ${v.get()}`);
      return copyContext();
    });
    v.set("main changed");
    await sleep(0.5);
    log.push(`main: ${v.get()}`);
    const childContext = await child;
    log.push(`main after child: ${v.get()}`);
    assert.equal(childContext.get(v), "child");
  });
  assert.deepEqual(log, [
    "child starts: main",
    "main: main changed",
    "child after sleep: child",
    "main after child: main changed",
  ]);
  // Nothing leaked to the top level.
  assert.equal(v.get(), "none");
  loop.close();
});

Deno.test("a task's context holds across host timers, file reads and sleeps, with 20 tasks interleaving", async () => {
  const v = new ContextVar<number>("v");
  const loop = new EventLoop();
  let checks = 0;
  await loop.runUntilComplete(async () => {
    const tasks = [];
    for (let i = 0; i < 20; i++) {
      tasks.push(createTask(async () => {
        v.set(i);
        for (let round = 0; round < 6; round++) {
          const kind = (i + round) % 3;
          if (kind === 0) await hostTimer((i * 7 + round) % 4);
          else if (kind === 1) await readFile(THIS_FILE);
          else await sleep(0);
          assert.equal(v.get(), i + round);
          checks++;
          v.set(i + round + 1);
        }
        return v.get();
      }));
    }
    assert.throws(() => v.get(), LookupError);
    for (const [i, task] of tasks.entries()) assert.equal(await task, i + 6);
  });
  assert.equal(checks, 120);
  loop.close();
});

Deno.test("a generator task runs in a copy of its creator's context", async () => {
  const v = new ContextVar<string>("v", { default: "none" });
  const loop = new EventLoop({ clock: "virtual" });
  const result = await loop.runUntilComplete(function* () {
    v.set("main");
    const child = createTask(function* () {
      const start = v.get();
      v.set("child");
      yield* sleep(1);
      return `${start} -> ${v.get()}`;
    });
    v.set("main changed");
    const fromChild = yield* child;
    return [fromChild, v.get()];
  });
  assert.deepEqual(result, ["main -> child", "main changed"]);
  assert.equal(v.get(), "none");
  loop.close();
});

Deno.test("the children of gather() and TaskGroup inherit a copy of the parent's context", async () => {
  const v = new ContextVar<string>("v", { default: "none" });
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    v.set("parent");
    const child = async (name: string) => {
      const seen = v.get();
      v.set(name);
      await sleep(0.1);
      return `${seen}/${v.get()}`;
    };
    assert.deepEqual(
      await gather([() => child("a"), () => child("b")]),
      ["parent/a", "parent/b"],
    );
    assert.equal(v.get(), "parent");
    const group = new TaskGroup();
    const results = await group.run(() => {
      const a = group.createTask(() => child("c"));
      const b = group.createTask(function* () {
        const seen = v.get();
        v.set("d");
        yield* sleep(0.1);
        return `${seen}/${v.get()}`;
      });
      return [a, b];
    });
    assert.deepEqual(
      results.map((task) => task.result()),
      ["parent/c", "parent/d"],
    );
    assert.equal(v.get(), "parent");
  });
  loop.close();
});

Deno.test("createTask() with { context } runs the task in that context itself", async () => {
  const v = new ContextVar<string>("v", { default: "none" });
  const loop = new EventLoop({ clock: "virtual" });
  const shared = new Context();
  shared.run(() => v.set("shared"));
  await loop.runUntilComplete(async () => {
    v.set("main");
    const a = createTask(async () => {
      const seen = v.get();
      v.set("a");
      await sleep(1);
      return seen;
    }, { context: shared });
    const b = new Task(function* () {
      yield* sleep(2);
      const seen = v.get();
      v.set("b");
      return seen;
    }, { context: shared, loop: getRunningLoop() });
    // deno-lint-ignore require-await
    const c = getRunningLoop().createTask(async () => v.get(), {
      context: undefined, // asyncio's context=None: a copy of the current one
    });
    assert.equal(await a, "shared");
    assert.equal(await b, "a");
    assert.equal(await c, "main");
    assert.equal(v.get(), "main");
  });
  assert.equal(shared.get(v), "b");
  assert.throws(
    () => loop.createTask(async () => {}, { context: {} as Context }),
    { name: "TypeError", message: /`options.context` to be a Context/ },
  );
  loop.close();
});

Deno.test("a task's own context is entered while its code runs", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const ctx = new Context();
  await loop.runUntilComplete(async () => {
    const task = createTask(async () => {
      assert.throws(() => ctx.run(() => {}), /is already running code/);
      await sleep(0);
      assert.throws(() => ctx.run(() => {}), /is already running code/);
    }, { context: ctx });
    await sleep(0);
    // The task is suspended: its context may be entered from here.
    assert.equal(ctx.run(() => currentTask()), currentTask());
    await task;
  });
  loop.close();
});

Deno.test("Context.run() of an async function: the context holds until its first await", async () => {
  const v = new ContextVar<string>("v", { default: "none" });
  const loop = new EventLoop({ clock: "virtual" });
  await loop.runUntilComplete(async () => {
    v.set("task");
    const other = new Context();
    const seen: string[] = [];
    await other.run(async () => {
      seen.push(v.get());
      v.set("other");
      await sleep(0);
      seen.push(v.get());
    });
    assert.deepEqual(seen, ["none", "task"]);
    assert.equal(other.get(v), "other");
  });
  loop.close();
});

Deno.test("callbacks run in the top-level context; Context.run() runs one in a chosen context", async () => {
  const v = new ContextVar<string>("v", { default: "top" });
  const loop = new EventLoop({ clock: "virtual" });
  const seen: string[] = [];
  await loop.runUntilComplete(async () => {
    v.set("task");
    const done = getRunningLoop().createFuture<void>();
    loop.callSoon(() => seen.push(v.get()));
    const ctx = copyContext();
    loop.callSoon(() => ctx.run(() => seen.push(v.get())));
    loop.callSoon(() => done.setResult());
    await done;
  });
  assert.deepEqual(seen, ["top", "task"]);
  loop.close();
});

Deno.test("a task created before any context existed starts with an empty context", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  // Created before the variable below (and, in a fresh process, before any
  // context): it has no record, and makes its context on its first set().
  const task = loop.createTask(async () => {
    const v = new ContextVar<number>("late", { default: 0 });
    const start = v.get();
    v.set(1);
    await sleep(1);
    return [start, v.get(), copyContext().get(v)];
  });
  assert.deepEqual(await loop.runUntilComplete(task), [0, 1, 1]);
  loop.close();
});

Deno.test("ContextVar.set() at the top level is seen by the tasks created after it, as copies", async () => {
  const v = new ContextVar<string>("v", { default: "none" });
  const token = v.set("top");
  try {
    const loop = new EventLoop({ clock: "virtual" });
    // deno-lint-ignore require-await
    const result = await loop.runUntilComplete(async () => {
      const seen = v.get();
      v.set("main");
      return seen;
    });
    assert.equal(result, "top");
    assert.equal(v.get(), "top");
    loop.close();
  } finally {
    v.reset(token);
  }
  assert.equal(v.get(), "none");
});

Deno.test("without the host's async context (browsers), await ensureFuture(promise) keeps the task's context and a plain foreign await does not", async () => {
  const v = new ContextVar<string>("v", { default: "top" });
  useHostContext(false);
  try {
    const loop = new EventLoop();
    const seen: string[] = [];
    await loop.runUntilComplete(async () => {
      await createTask(async () => {
        v.set("task");
        await ensureFuture(hostTimer(1));
        seen.push(v.get());
        await ensureFuture(readFile(THIS_FILE));
        seen.push(v.get());
        await hostTimer(1);
        seen.push(v.get());
      });
    });
    loop.close();
    assert.deepEqual(seen, ["task", "task", "top"]);
  } finally {
    useHostContext(true);
  }
});
