// The virtual clock and real I/O (issue #13, point 6): while a task awaits
// foreign work, virtual time does not jump past it but moves with the real
// clock; once no task does, it jumps again. Real parts: host timers and
// file reads. No duration is asserted, only what the loop's clock reads
// relative to its own timers.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import {
  createTask,
  ensureFuture,
  EventLoop,
  sleep,
  timeout,
  TimeoutError,
} from "../mod.ts";

const THIS_FILE = fileURLToPath(import.meta.url);

function hostTimer(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

Deno.test("virtual clock: timeout(5) around a foreign await of 30 ms succeeds, and the clock has not reached the deadline", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const result = await loop.runUntilComplete(() =>
    timeout(5, async () => {
      await hostTimer(30);
      await readFile(THIS_FILE);
      return "done";
    })
  );
  assert.equal(result, "done");
  assert.ok(loop.time() < 5, `virtual time ${loop.time()}`);
  loop.close();
});

Deno.test("virtual clock: a task away on foreign work keeps the clock from jumping past another task's timers", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const log: string[] = [];
  await loop.runUntilComplete(async () => {
    const away = createTask(async () => {
      await hostTimer(30);
      log.push("foreign work done");
    });
    const sleeper = createTask(async () => {
      await sleep(1000);
      log.push("slept 1000");
    });
    await away;
    await sleeper;
  });
  assert.deepEqual(log, ["foreign work done", "slept 1000"]);
  assert.equal(loop.time(), 1000);
  loop.close();
});

Deno.test("virtual clock: once the foreign work is back, the clock jumps again (a timeout after it fires at once)", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  let caught: unknown;
  await loop.runUntilComplete(async () => {
    try {
      await timeout(3600, async () => {
        await ensureFuture(hostTimer(10));
        await sleep(1e6);
      });
    } catch (error) {
      caught = error;
    }
  });
  assert.ok(caught instanceof TimeoutError);
  assert.equal(loop.time(), 3600);
  loop.close();
});

Deno.test("virtual clock: a timeout around foreign work that outlasts it still fires, at its deadline on the loop's clock", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  let caught: unknown;
  await loop.runUntilComplete(async () => {
    try {
      // The clock stands still while the task is away, and reaches the
      // deadline once as much real time has passed.
      await timeout(0.05, async () => {
        await hostTimer(200);
      });
    } catch (error) {
      caught = error;
    }
  });
  assert.ok(caught instanceof TimeoutError);
  assert.equal(loop.time(), 0.05);
  loop.close();
});

Deno.test("virtual clock: code that combines our futures with Promise.all is not foreign work (the clock jumps)", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const woke: number[] = [];
  await loop.runUntilComplete(async () => {
    const sleeper = async (delay: number) => {
      await sleep(delay);
      woke.push(loop.time());
    };
    await Promise.all([sleeper(86_400), sleeper(60), sleeper(3600)]);
  });
  assert.deepEqual(woke, [60, 3600, 86_400]);
  loop.close();
});
