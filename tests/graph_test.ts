import assert from "node:assert/strict";
import {
  captureCallGraph,
  EventLoop,
  formatCallGraph,
  type Future,
  futureAddToAwaitedBy,
  type FutureCallGraph,
  futureDiscardFromAwaitedBy,
  gather,
  printCallGraph,
  shield,
  sleep,
  type Task,
  TaskGroup,
} from "../mod.ts";

/** The graph as `name <- awaiter <- ...` paths, one per leaf. */
function paths(graph: FutureCallGraph | undefined): string[] {
  if (graph === undefined) return [];
  const label = (future: Future<unknown>) =>
    "getName" in future ? (future as Task<unknown>).getName() : "future";
  const walk = (node: FutureCallGraph, prefix: string): string[] => {
    const here = prefix === ""
      ? label(node.future)
      : `${prefix} <- ${label(node.future)}`;
    if (node.awaitedBy.length === 0) return [here];
    return node.awaitedBy.flatMap((parent) => walk(parent, here));
  };
  return walk(graph, "");
}

/** Ids as `#`, for comparing texts. */
function withoutIds(text: string): string {
  return text.replaceAll(/id=\d+/g, "id=#");
}

function virtualLoop(debug = false): EventLoop {
  const loop = new EventLoop({ clock: "virtual" });
  loop.setDebug(debug);
  return loop;
}

/**
 * Runs `main` as the task named "main", calls `look` from a plain callback
 * after `at` seconds, and returns what it returned.
 */
async function lookAt<T>(
  loop: EventLoop,
  main: () => unknown,
  at: number,
  look: () => T,
): Promise<T> {
  let seen: T | undefined;
  loop.callLater(at, () => seen = look());
  await loop.runUntilComplete(
    loop.createTask(main as () => Promise<unknown>, { name: "main" }),
  );
  return seen as T;
}

Deno.test("captureCallGraph() follows a future up through the tasks that await it, of both kinds", async (t) => {
  for (const kind of ["async", "generator"]) {
    await t.step(kind, async () => {
      const loop = virtualLoop();
      const future = loop.createFuture<void>();
      loop.callLater(2, () => future.setResult());
      const graph = await lookAt(
        loop,
        kind === "async"
          ? async () => {
            await loop.createTask(async () => await future, { name: "child" });
          }
          : function* () {
            yield* loop.createTask(function* () {
              yield* future;
            }, { name: "child" });
          },
        1,
        () => captureCallGraph(future),
      );
      assert.deepEqual(paths(graph), ["future <- child <- main"]);
      assert.equal(graph?.future, future);
      assert.deepEqual(graph?.callStack, []);
      loop.close();
    });
  }
});

Deno.test("captureCallGraph() shows gather() children awaited by the task that gathered them, until each is done", async () => {
  const loop = virtualLoop();
  let a!: Task<unknown>, b!: Task<unknown>;
  const graphs = await lookAt(
    loop,
    async () => {
      a = loop.createTask(() => sleep(1), { name: "a" });
      b = loop.createTask(() => sleep(3), { name: "b" });
      await gather([a, b]);
    },
    2,
    () => [captureCallGraph(a), captureCallGraph(b)],
  );
  assert.deepEqual(graphs.map(paths), [["a"], ["b <- main"]]);
  loop.close();
});

Deno.test("captureCallGraph() shows gather() children awaited by a generator task that gathered them", async () => {
  const loop = virtualLoop();
  let a!: Task<unknown>;
  const graph = await lookAt(
    loop,
    function* () {
      a = loop.createTask(() => sleep(2), { name: "a" });
      yield* gather([a]);
    },
    1,
    () => captureCallGraph(a),
  );
  assert.deepEqual(paths(graph), ["a <- main"]);
  loop.close();
});

Deno.test("captureCallGraph() forgets a shield()'s inner task once the shield is cancelled", async () => {
  const loop = virtualLoop();
  let inner!: Task<unknown>;
  const graphs = await lookAt(
    loop,
    async () => {
      inner = loop.createTask(() => sleep(2), { name: "inner" });
      const outer = shield(inner);
      loop.callLater(0.5, () => outer.cancel());
      await outer.then(undefined, () => {});
      await sleep(1);
    },
    0.25,
    () => {
      const before = captureCallGraph(inner);
      let after: FutureCallGraph | undefined;
      loop.callLater(0.5, () => after = captureCallGraph(inner));
      return [before, () => after] as const;
    },
  );
  assert.deepEqual(paths(graphs[0]), ["inner <- main"]);
  assert.deepEqual(paths(graphs[1]()), ["inner"]);
  loop.close();
});

Deno.test("captureCallGraph() shows a shield()'s inner task awaited by the task that shielded it", async () => {
  const loop = virtualLoop();
  let inner!: Task<unknown>;
  const graph = await lookAt(
    loop,
    async () => {
      inner = loop.createTask(() => sleep(2), { name: "inner" });
      await shield(inner);
    },
    1,
    () => captureCallGraph(inner),
  );
  assert.deepEqual(paths(graph), ["inner <- main"]);
  assert.deepEqual(paths(captureCallGraph(inner)), ["inner"]);
  loop.close();
});

Deno.test("captureCallGraph() shows a TaskGroup's tasks awaited by the task that runs the group", async () => {
  const loop = virtualLoop();
  let child!: Task<unknown>;
  const graph = await lookAt(
    loop,
    () =>
      new TaskGroup().run((tg) => {
        child = tg.createTask(() => sleep(2), { name: "child" });
      }),
    1,
    () => captureCallGraph(child),
  );
  assert.deepEqual(paths(graph), ["child <- main"]);
  loop.close();
});

Deno.test("captureCallGraph() shows every future an async task awaits through Promise.all", async () => {
  const loop = virtualLoop();
  let a!: Task<unknown>, b!: Task<unknown>;
  const graphs = await lookAt(
    loop,
    async () => {
      a = loop.createTask(() => sleep(2), { name: "a" });
      b = loop.createTask(() => sleep(2), { name: "b" });
      await Promise.all([a, b]);
    },
    1,
    () => [captureCallGraph(a), captureCallGraph(b)],
  );
  assert.deepEqual(graphs.map(paths), [["a <- main"], ["b <- main"]]);
  loop.close();
});

Deno.test("futureAddToAwaitedBy() records what awaits a future until futureDiscardFromAwaitedBy(), and cycles end", () => {
  const loop = virtualLoop();
  const a = loop.createFuture();
  const b = loop.createFuture();
  futureAddToAwaitedBy(a, b);
  futureAddToAwaitedBy(a, b);
  assert.deepEqual(paths(captureCallGraph(a)), ["future <- future"]);
  futureAddToAwaitedBy(b, a);
  assert.deepEqual(paths(captureCallGraph(a)), ["future <- future"]);
  futureDiscardFromAwaitedBy(a, b);
  assert.deepEqual(paths(captureCallGraph(a)), ["future"]);
  futureDiscardFromAwaitedBy(a, b);
  assert.throws(
    // @ts-expect-error: not a future
    () => futureAddToAwaitedBy(a, {}),
    /futureAddToAwaitedBy\(\) expected `waiter` to be a Future or Task, got \{\}/,
  );
  assert.throws(
    // @ts-expect-error: not a future
    () => futureDiscardFromAwaitedBy(Promise.resolve(), a),
    /futureDiscardFromAwaitedBy\(\) expected `future` to be a Future or Task/,
  );
  loop.close();
});

Deno.test("formatCallGraph() prints Python 3.14's tree, the coroutine of each task without a place outside debug mode", async () => {
  const loop = virtualLoop();
  let child!: Task<unknown>;
  const [text, again] = await lookAt(
    loop,
    async function main() {
      child = loop.createTask(async function work() {
        await sleep(2);
      }, { name: "child" });
      await child;
    },
    1,
    () => [formatCallGraph(child), formatCallGraph(child)],
  );
  assert.equal(
    withoutIds(text!),
    [
      "* Task(name='child', id=#)",
      "  + Call stack:",
      "  |   in async work()",
      "  + Awaited by:",
      "    * Task(name='main', id=#)",
      "      + Call stack:",
      "      |   in async main()",
    ].join("\n"),
  );
  // Ids stay the same for as long as the objects live.
  assert.equal(again, text);
  // Done: no frames, nothing awaits it.
  assert.match(formatCallGraph(child), /^\* Task\(name='child', id=\d+\)$/);
  loop.close();
});

Deno.test("formatCallGraph() in debug mode shows files and lines, and limit keeps the oldest or newest frames", async () => {
  const loop = virtualLoop(true);
  let child!: Task<unknown>;
  // Generator frames: every host shows them (async ones not all).
  function* deeper(): Generator<unknown, void> {
    yield* sleep(2);
  }
  const texts = await lookAt(
    loop,
    async () => {
      child = loop.createTask(function* work() {
        yield* deeper();
      }, { name: "child" });
      await child;
    },
    1,
    () => [
      formatCallGraph(child),
      formatCallGraph(child, { limit: 1 }),
      formatCallGraph(child, { limit: -1 }),
      formatCallGraph(child, { limit: 0 }),
    ],
  );
  const [all, oldest, newest, none] = texts.map((text) =>
    text.split("\n").slice(0, 4)
  );
  assert.match(
    all![2]!,
    /^ {2}\| {3}File '.*graph_test\.(ts|js)', line \d+, in generator deeper\(\)$/,
  );
  assert.match(all![3]!, /in generator work\(\)$/);
  assert.match(oldest![2]!, /in generator work\(\)$/);
  assert.equal(oldest![3], "  + Awaited by:");
  assert.match(newest![2]!, /in generator deeper\(\)$/);
  assert.equal(none![1], "  + Awaited by:");
  loop.close();
});

Deno.test("captureCallGraph() without a future is the current task's, with its live stack from the caller on", async (t) => {
  for (const kind of ["async", "generator"]) {
    await t.step(kind, async () => {
      const loop = virtualLoop();
      let graph: FutureCallGraph | undefined;
      let skipped: FutureCallGraph | undefined;
      function look(): void {
        graph = captureCallGraph();
        skipped = captureCallGraph(undefined, { depth: 2 });
      }
      await loop.runUntilComplete(
        kind === "async"
          ? loop.createTask(async function live() {
            await sleep(0);
            look();
          })
          : loop.createTask(function* gLive() {
            yield;
            look();
          }),
      );
      assert.equal(graph!.callStack[0]!.name, "look");
      assert.equal(
        graph!.callStack[1]!.name,
        kind === "async" ? "live" : "gLive",
      );
      assert.equal(skipped!.callStack[0]!.name, graph!.callStack[1]!.name);
      loop.close();
    });
  }
});

Deno.test("captureCallGraph() without a future: undefined outside a task, an Error outside a loop", async () => {
  const loop = virtualLoop();
  const results = await lookAt(loop, () => sleep(2), 1, () => {
    let printed: string | undefined;
    printCallGraph(undefined, { print: (text) => printed = text });
    return [captureCallGraph(), formatCallGraph(), printed];
  });
  assert.deepEqual(results, [undefined, "", ""]);
  assert.throws(() => captureCallGraph(), {
    name: "Error",
    message:
      "captureCallGraph() is called outside of a running event loop and no future to introspect was provided",
  });
  loop.close();
});

Deno.test("printCallGraph() prints formatCallGraph()'s text to console.log by default", () => {
  const loop = virtualLoop();
  const future = loop.createFuture();
  const lines: unknown[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => void lines.push(...args);
  try {
    printCallGraph(future);
  } finally {
    console.log = original;
  }
  assert.deepEqual(lines, [formatCallGraph(future)]);
  assert.match(lines[0] as string, /^\* Future\(id=\d+\)$/);
  loop.close();
});

Deno.test("captureCallGraph() refuses what is not a future, and bad options, naming them", () => {
  const loop = virtualLoop();
  const future = loop.createFuture();
  assert.throws(
    // @ts-expect-error: not a future
    () => captureCallGraph(Promise.resolve()),
    /^TypeError: captureCallGraph\(\) expected `future` to be a Future or Task, got Promise/,
  );
  assert.throws(
    () => formatCallGraph(future, { depth: 0 }),
    /formatCallGraph\(\) expected `options.depth` to be an integer >= 1, got 0/,
  );
  assert.throws(
    () => captureCallGraph(future, { limit: Infinity }),
    /captureCallGraph\(\) expected `options.limit` to be an integer, got Infinity/,
  );
  assert.throws(
    // @ts-expect-error: not an option
    () => printCallGraph(future, { file: 1 }),
    /printCallGraph\(\) got an unknown option "file"/,
  );
  loop.close();
});
