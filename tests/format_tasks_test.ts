import assert from "node:assert/strict";
import { EventLoop, formatTasks, sleep, type Task } from "../mod.ts";
import { awaitingFrames } from "./_stacks.ts";

/** The table's rows as cells (the last cell may hold spaces). */
function rows(text: string): string[][] {
  return text.split("\n").map((line) => {
    const cells = line.split(/ {2,}/);
    return [...cells.slice(0, 5), cells.slice(5).join("  ")];
  });
}

function virtualLoop(debug: boolean): EventLoop {
  const loop = new EventLoop({ clock: "virtual" });
  loop.setDebug(debug);
  return loop;
}

function* gWorker(): Generator<unknown, void> {
  yield* sleep(4);
}

async function worker(): Promise<void> {
  await sleep(3);
}

Deno.test("formatTasks() in debug mode shows each live task of both kinds, what it awaits and for how long on the loop's clock", async () => {
  const loop = virtualLoop(true);
  let text = "";
  const main = loop.createTask(async function main() {
    await sleep(0.25);
    const a = loop.createTask(worker, { name: "a" });
    const g = loop.createTask(gWorker, { name: "g" });
    loop.callLater(1.5, () => text = formatTasks(loop));
    await a;
    await g;
  }, { name: "main" });
  await loop.runUntilComplete(main);
  const [header, ...tasks] = rows(text);
  assert.deepEqual(header, ["ID", "NAME", "STATE", "FOR", "CORO", "AWAITING"]);
  const byName = new Map(tasks.map((row) => [row[1], row]));
  assert.deepEqual([...byName.keys()].sort(), ["a", "g", "main"]);
  const [, , state, waited, coro, awaiting] = byName.get("main")!;
  assert.equal(state, "pending");
  assert.equal(waited, "1.500s");
  // Where an async task is: known where the host shows the async frames.
  assert.match(
    coro!,
    awaitingFrames
      ? /^async main\(\) at .*format_tasks_test\.(ts|js):\d+$/
      : /^async main\(\)$/,
  );
  assert.match(awaiting!, /^Task\(name='a', id=\d+\)$/);
  assert.equal(byName.get("a")![3], "1.500s");
  assert.match(byName.get("a")![4]!, /^async worker\(\)/);
  assert.match(byName.get("a")![5]!, /^<SleepFuture pending/);
  assert.equal(byName.get("g")![3], "1.500s");
  assert.match(byName.get("g")![4]!, /^generator gWorker\(\) at /);
  loop.close();
});

Deno.test("formatTasks() names the running task and a cancelling one, and without debug mode leaves durations out", async () => {
  const loop = virtualLoop(false);
  let text = "";
  const main = loop.createTask(async function main() {
    const stuck = loop.createTask(async function stuck() {
      try {
        await sleep(10);
      } catch {
        await sleep(10);
      }
    }, { name: "stuck" });
    await sleep(1);
    stuck.cancel();
    await sleep(0);
    text = formatTasks();
    stuck.cancel();
  }, { name: "main" });
  await loop.runUntilComplete(main);
  const byName = new Map(rows(text).slice(1).map((row) => [row[1], row]));
  const [, , state, waited, coro, awaiting] = byName.get("main")!;
  assert.deepEqual([state, waited, awaiting], ["running", "-", "-"]);
  // The running task's place is its live stack's, debug mode or not.
  assert.match(coro!, /^async main\(\) at .*format_tasks_test\.(ts|js):\d+$/);
  assert.deepEqual(byName.get("stuck")!.slice(2, 5), [
    "cancelling",
    "-",
    "async stuck()",
  ]);
  assert.match(byName.get("stuck")![5]!, /^<SleepFuture pending/);
  loop.close();
});

Deno.test("formatTasks() of a loop without tasks is the header alone; a task about to run awaits nothing", async () => {
  const loop = virtualLoop(false);
  assert.equal(formatTasks(loop), "ID  NAME  STATE  FOR  CORO  AWAITING");
  const task: Task<void> = loop.createTask(worker, { name: "w" });
  const [, row] = rows(formatTasks(loop));
  assert.deepEqual(row!.slice(1), ["w", "pending", "-", "async worker()", "-"]);
  await loop.runUntilComplete(task);
  assert.throws(() => formatTasks(), /needs a running event loop|no running/i);
  loop.close();
});
