// Cancellation reaching host I/O, with no debris (issue #13, point 2), in
// the three styles a user writes, against a real loopback HTTP server:
// fetch(url, { signal: task.signal }); await ensureFuture(promise); and a
// plain await that cancellation cannot interrupt. Nothing here asserts a
// duration: the server's /slow answers after 2 s, and every check is on
// what the task sees and what the server counted. Where a check needs the
// request to have reached the server before the deadline passes, the test
// runs on the virtual clock and moves it once the server counted the request
// (`advanceOnceSeen`): on a loaded machine, 50 ms of real time can pass before
// a request is even sent.
import assert from "node:assert/strict";
import {
  CancelledError,
  currentTask,
  ensureFuture,
  ExceptionGroup,
  getRunningLoop,
  run,
  sleep,
  type Task,
  TaskGroup,
  timeout,
  TimeoutError,
  waitFor,
} from "../mod.ts";
import { startServer, type TestServer } from "./_http_server.ts";

const SLOW = "/slow?ms=2000";

async function withServer(
  body: (server: TestServer) => Promise<void>,
): Promise<void> {
  const server = await startServer();
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

/**
 * Moves the running loop's virtual clock by `seconds` once the server has
 * received `requests` requests. The clock stands still while tasks are away
 * on a fetch, so a deadline passes exactly then, with the request in flight.
 */
function advanceOnceSeen(
  server: TestServer,
  requests: number,
  seconds: number,
): Task<void> {
  const loop = getRunningLoop();
  return loop.createTask(async () => {
    await server.until({ requests });
    await loop.advance(seconds);
  });
}

const VIRTUAL = { clock: "virtual" } as const;

/** What a task looks like after a scope handled its cancellation. */
async function assertClean(task: Task<unknown>, server: TestServer) {
  assert.equal(task.cancelling(), 0);
  assert.equal(task.signal.aborted, false, "a fresh signal after the scope");
  // No stray CancelledError at the next awaits, ours and foreign.
  await sleep(0);
  const response = await fetch(`${server.url}/ok`, { signal: task.signal });
  assert.equal(await response.text(), "ok");
  await sleep(0);
  assert.equal(currentTask(), task);
}

Deno.test("timeout() around fetch(url, { signal: task.signal }): the fetch aborts, TimeoutError, and the task goes on clean", async () => {
  await withServer(async (server) => {
    await run(async () => {
      const task = currentTask()!;
      const mover = advanceOnceSeen(server, 1, 0.05);
      await assert.rejects(
        timeout(0.05, async () => {
          await fetch(`${server.url}${SLOW}`, { signal: task.signal });
        }),
        TimeoutError,
      );
      await mover;
      await server.until({ aborted: 1 });
      await assertClean(task, server);
    }, VIRTUAL);
  });
});

Deno.test("waitFor() of an async function that fetches with the task's signal: TimeoutError, no debris", async () => {
  await withServer(async (server) => {
    await run(async () => {
      const task = currentTask()!;
      const mover = advanceOnceSeen(server, 1, 0.05);
      await assert.rejects(
        waitFor(async () => {
          const signal = currentTask()!.signal;
          return await (await fetch(`${server.url}${SLOW}`, { signal })).text();
        }, 0.05),
        TimeoutError,
      );
      await mover;
      await server.until({ aborted: 1 });
      await assertClean(task, server);
    }, VIRTUAL);
  });
});

Deno.test("a TaskGroup whose child fails cancels a sibling's fetch through its signal, and collects the failure", async () => {
  await withServer(async (server) => {
    await run(async () => {
      const task = currentTask()!;
      const seen: unknown[] = [];
      await assert.rejects(
        new TaskGroup().run((group) => {
          group.createTask(async () => {
            try {
              await fetch(`${server.url}${SLOW}`, {
                signal: currentTask()!.signal,
              });
            } catch (error) {
              seen.push(error);
              throw error;
            }
          });
          group.createTask(async () => {
            await server.until({ requests: 1 });
            throw new Error("boom");
          });
        }),
        (error: unknown) => {
          assert.ok(error instanceof ExceptionGroup);
          assert.equal(error.errors.length, 1);
          assert.equal((error.errors[0] as Error).message, "boom");
          return true;
        },
      );
      assert.ok(seen[0] instanceof CancelledError, String(seen[0]));
      await server.until({ aborted: 1 });
      await assertClean(task, server);
    });
  });
});

Deno.test("a long-lived task that runs many fetches under timeouts keeps working, with a fresh signal each time", async () => {
  await withServer(async (server) => {
    await run(async () => {
      const task = currentTask()!;
      for (let i = 0; i < 5; i++) {
        const mover = advanceOnceSeen(server, 2 * i + 1, 0.02);
        await assert.rejects(
          timeout(0.02, async () => {
            await fetch(`${server.url}${SLOW}`, { signal: task.signal });
          }),
          TimeoutError,
        );
        const text = await timeout(5, async () => {
          const response = await fetch(`${server.url}/ok`, {
            signal: task.signal,
          });
          return await response.text();
        });
        assert.equal(text, "ok");
        await mover;
      }
      await server.until({ aborted: 5 });
      await assertClean(task, server);
    }, VIRTUAL);
  });
});

Deno.test("await ensureFuture(fetch(slow)) under timeout(): released at the deadline, TimeoutError, no debris", async () => {
  await withServer(async (server) => {
    await run(async () => {
      const task = currentTask()!;
      let slow: Promise<Response> | undefined;
      const mover = advanceOnceSeen(server, 1, 0.05);
      await assert.rejects(
        timeout(0.05, async () => {
          slow = fetch(`${server.url}/slow?ms=400`);
          await ensureFuture(slow);
        }),
        TimeoutError,
      );
      await mover;
      // Released before the server answered.
      assert.equal(server.inFlight, 1);
      await assertClean(task, server);
      // The fetch goes on unobserved; let it end before the server closes.
      await (await slow!).text();
    }, VIRTUAL);
  });
});

Deno.test("cancel() of a task that follows a promise ends it cancelled at once, and the promise's later rejection is not reported", async () => {
  await run(async () => {
    let reject!: (error: Error) => void;
    const promise = new Promise((_, r) => reject = r);
    const follower = ensureFuture(promise);
    await sleep(0);
    assert.equal(follower.cancel("enough"), true);
    assert.equal(follower.cancelled(), true);
    await assert.rejects(async () => await follower, {
      name: "CancelledError",
      message: "enough",
    });
    reject(new Error("later"));
    // An unhandled rejection would fail this test (Deno) or be reported.
    await sleep(0.01);
  });
});

Deno.test("waitFor(ensureFuture(fetch(slow)), 0.05) is released at the deadline; waitFor(fetch(slow), 0.05), a plain await, raises TimeoutError once the fetch is back", async () => {
  await withServer(async (server) => {
    await run(async () => {
      const task = currentTask()!;
      const mover = advanceOnceSeen(server, 1, 0.05);
      const slow = fetch(`${server.url}/slow?ms=400`);
      await assert.rejects(waitFor(ensureFuture(slow), 0.05), TimeoutError);
      await mover;
      assert.equal(server.inFlight, 1, "released before the answer");
      await assertClean(task, server);
      await (await slow).text();

      let response: Response | undefined;
      await assert.rejects(
        waitFor(async () => {
          response = await fetch(`${server.url}/slow?ms=300`);
        }, 0.05),
        TimeoutError,
      );
      assert.equal(response?.status, 200, "the fetch ran to its end");
      await response!.text();
      await assertClean(task, server);
    }, VIRTUAL);
  });
});

Deno.test("a plain await of a fetch that ignores cancellation: timeout() still raises TimeoutError once the body returns, and nothing stray remains", async () => {
  await withServer(async (server) => {
    await run(async () => {
      const task = currentTask()!;
      let returned = false;
      await assert.rejects(
        timeout(0.05, async () => {
          await (await fetch(`${server.url}/slow?ms=300`)).text();
          returned = true;
        }),
        TimeoutError,
      );
      assert.equal(returned, true, "the body ran to its end");
      await assertClean(task, server);
    });
  });
});

Deno.test("a plain foreign await past waitFor()'s limit: TimeoutError, no stray CancelledError", async () => {
  await run(async () => {
    const task = currentTask()!;
    await assert.rejects(
      waitFor(async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        return "late";
      }, 0.02),
      TimeoutError,
    );
    assert.equal(task.cancelling(), 0);
    await sleep(0);
    await sleep(0.001);
  });
});

Deno.test("debug mode warns, naming the task, when a body returns past its deadline from a foreign await", async () => {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(" "));
  try {
    await run(async () => {
      getRunningLoop().setDebug(true);
      currentTask()!.setName("stuck-one");
      await assert.rejects(
        timeout(0.02, async () => {
          await new Promise((resolve) => setTimeout(resolve, 150));
        }),
        TimeoutError,
      );
    });
    // The signal style delivers the cancellation: no warning for it.
    await run(async () => {
      getRunningLoop().setDebug(true);
      currentTask()!.setName("aborted-one");
      await assert.rejects(
        timeout(0.02, async () => {
          const signal = currentTask()!.signal;
          await new Promise((_, reject) => {
            signal.addEventListener("abort", () => reject(signal.reason));
          });
        }),
        TimeoutError,
      );
    });
  } finally {
    console.warn = warn;
  }
  const found = warnings.filter((line) => line.includes("stuck-one"));
  assert.equal(
    warnings.filter((line) => line.includes("aborted-one")).length,
    0,
  );
  assert.equal(found.length, 1, warnings.join("\n"));
  assert.match(found[0]!, /past its timeout deadline/);
  assert.match(found[0]!, /signal/);
});

Deno.test("generator bodies: yield* ensureFuture(promise) inside timeout() and TaskGroup.run() bodies is cancelled at the deadline, nested too", async () => {
  await run(function* () {
    const never = () => new Promise<never>(() => {});
    let outcome: unknown;
    try {
      yield* ensureFuture(timeout(0.02, function* () {
        yield* ensureFuture(never());
      }));
    } catch (error) {
      outcome = error;
    }
    assert.ok(outcome instanceof TimeoutError, String(outcome));

    outcome = undefined;
    try {
      yield* ensureFuture(timeout(1, function* () {
        yield* ensureFuture(timeout(0.02, function* () {
          yield* ensureFuture(never());
        }));
      }));
    } catch (error) {
      outcome = error;
    }
    assert.ok(outcome instanceof TimeoutError, "inner scope expires");

    outcome = undefined;
    try {
      yield* ensureFuture(new TaskGroup().run(function* (group) {
        group.createTask(function* () {
          yield* sleep(0.01);
          throw new Error("child failed");
        });
        yield* ensureFuture(never());
      }));
    } catch (error) {
      outcome = error;
    }
    assert.ok(outcome instanceof ExceptionGroup, String(outcome));
    assert.equal((outcome.errors[0] as Error).message, "child failed");

    outcome = undefined;
    try {
      yield* ensureFuture(timeout(0.02, function* () {
        yield* ensureFuture(new TaskGroup().run(function* (group) {
          group.createTask(function* () {
            yield* ensureFuture(never());
          });
          yield* ensureFuture(never());
        }));
      }));
    } catch (error) {
      outcome = error;
    }
    assert.ok(outcome instanceof TimeoutError, String(outcome));
  });
});
