// A task's identity across foreign awaits (host timers, file reads): the
// code of an `async` function task knows its task after every await, for any
// number of tasks interleaving their I/O (issue #13, point 1). Real parts:
// host timers and real file reads. Nothing here asserts a duration.
import assert from "node:assert/strict";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import {
  createTask,
  currentTask,
  ensureFuture,
  EventLoop,
  getRunningLoop,
  sleep,
  type Task,
  timeout,
  TimeoutError,
} from "../mod.ts";
import { useHostContext } from "../_host_context.ts";

const THIS_FILE = fileURLToPath(import.meta.url);

function hostTimer(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

Deno.test("currentTask() is the task's own after host timers, file reads and sleeps, with 20 tasks interleaving", async () => {
  const loop = new EventLoop();
  const seen = { own: 0, other: 0, none: 0 };
  const look = (me: Task<unknown>) => {
    const now = currentTask();
    if (now === me) seen.own++;
    else if (now === undefined) seen.none++;
    else seen.other++;
  };
  await loop.runUntilComplete(async () => {
    const tasks = [];
    for (let i = 0; i < 20; i++) {
      tasks.push(createTask(async () => {
        const me = currentTask()!;
        for (let round = 0; round < 6; round++) {
          const kind = (i + round) % 3;
          if (kind === 0) await hostTimer((i * 7 + round) % 4);
          else if (kind === 1) await readFile(THIS_FILE);
          else await sleep(0);
          look(me);
          // What needs the current task works after the foreign await.
          assert.equal(me.signal.aborted, false);
          await timeout(5, async () => {
            await sleep(0);
            look(me);
          });
        }
        return i;
      }));
    }
    for (const [i, task] of tasks.entries()) assert.equal(await task, i);
  });
  loop.close();
  assert.deepEqual(seen, { own: 20 * 6 * 2, other: 0, none: 0 });
});

Deno.test("currentTask() is the task's own in every chunk of 20 streamed file reads", async () => {
  const loop = new EventLoop();
  let own = 0;
  let chunks = 0;
  await loop.runUntilComplete(async () => {
    const readers = Array.from({ length: 20 }, () =>
      createTask(async () => {
        const me = currentTask();
        const stream = createReadStream(THIS_FILE, { highWaterMark: 512 });
        for await (const _chunk of stream) {
          chunks++;
          if (currentTask() === me) own++;
          await sleep(0);
          if (currentTask() === me) own++;
        }
      }));
    for (const reader of readers) await reader;
  });
  loop.close();
  assert.ok(chunks >= 20 * 2, `only ${chunks} chunks`);
  assert.equal(own, 2 * chunks);
});

Deno.test("timeout() fires in each of two tasks that were away on foreign work at once", async () => {
  const loop = new EventLoop();
  const log: string[] = [];
  await loop.runUntilComplete(async () => {
    const worker = (name: string) =>
      createTask(async () => {
        await hostTimer(2);
        try {
          await timeout(0.01, () => sleep(30));
          log.push(`${name}: no timeout`);
        } catch (error) {
          assert.ok(error instanceof TimeoutError);
          log.push(`${name}: TimeoutError`);
        }
        assert.equal(currentTask()!.cancelling(), 0);
      }, { name });
    const a = worker("a");
    const b = worker("b");
    await a;
    await b;
  });
  loop.close();
  assert.deepEqual(log.sort(), ["a: TimeoutError", "b: TimeoutError"]);
});

Deno.test("the loop's callbacks, and async code they start, belong to no task, even when a task scheduled them", async () => {
  const loop = new EventLoop();
  const seen: (string | undefined)[] = [];
  const name = () => currentTask()?.getName();
  await loop.runUntilComplete(async () => {
    await createTask(async () => {
      await hostTimer(1);
      const done = loop.createFuture<void>();
      loop.callSoon(() => {
        seen.push(name());
        (async () => {
          await sleep(0);
          seen.push(name());
          await hostTimer(1);
          seen.push(name());
          done.setResult();
        })();
      });
      await done;
      seen.push(name());
    }, { name: "worker" });
  });
  loop.close();
  assert.deepEqual(seen, [undefined, undefined, undefined, "worker"]);
});

Deno.test("a task started by another task's code carries itself, not its creator", async () => {
  const loop = new EventLoop();
  const seen: string[] = [];
  await loop.runUntilComplete(async () => {
    await createTask(async () => {
      await hostTimer(1);
      const child = createTask(async () => {
        await hostTimer(1);
        seen.push(currentTask()!.getName());
      }, { name: "child" });
      await hostTimer(1);
      seen.push(currentTask()!.getName());
      await child;
      seen.push(currentTask()!.getName());
    }, { name: "parent" });
  });
  loop.close();
  assert.deepEqual(seen.slice(-1), ["parent"]);
  assert.deepEqual([...seen].sort(), ["child", "parent", "parent"]);
});

Deno.test("without the host's async context (browsers), a foreign await loses the task and await ensureFuture(promise) keeps it", async () => {
  useHostContext(false);
  try {
    const loop = new EventLoop();
    const seen: (string | undefined)[] = [];
    await loop.runUntilComplete(async () => {
      await createTask(async () => {
        await ensureFuture(hostTimer(1));
        seen.push(currentTask()?.getName());
        await ensureFuture(readFile(THIS_FILE));
        seen.push(currentTask()?.getName());
        await hostTimer(1);
        seen.push(currentTask()?.getName());
        // A helper that needs the task says what to do.
        assert.throws(() => timeout(null).enter(), {
          message: /no async context.*await ensureFuture\(promise\)/,
        });
      }, { name: "t" });
    });
    loop.close();
    assert.deepEqual(seen, ["t", "t", undefined]);
  } finally {
    useHostContext(true);
  }
});

Deno.test("the running loop and the task are found after a foreign await on a second loop run", async () => {
  const loop = new EventLoop();
  for (let run = 0; run < 2; run++) {
    const name = await loop.runUntilComplete(async () => {
      const task = createTask(async () => {
        await hostTimer(1);
        assert.equal(getRunningLoop(), loop);
        return currentTask()!.getName();
      }, { name: `run-${run}` });
      return await task;
    });
    assert.equal(name, `run-${run}`);
  }
  loop.close();
});
