import assert from "node:assert/strict";

const root = new URL("../../", import.meta.url);

async function runFixture(name: string, args: string[] = []): Promise<string> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      "--v8-flags=--expose-gc",
      `tests/integration/fixtures/${name}`,
      ...args,
    ],
    cwd: root,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  assert.equal(code, 0, new TextDecoder().decode(stderr));
  return new TextDecoder().decode(stdout);
}

Deno.test("Future and Task report never-retrieved exceptions and dropped pending tasks when collected", async () => {
  const lines = (await runFixture("never_retrieved.ts")).trim().split("\n")
    .sort();
  assert.deepEqual(lines, [
    "Future exception was never retrieved exception=RangeError('lost') future=<Future finished exception=RangeError('lost')>",
    "Task exception was never retrieved exception=TypeError('task failed')",
    "Task was destroyed but it is pending!",
  ]);
});

Deno.test("EventLoop.close() reports never-retrieved exceptions once, and the collector does not report them again", async () => {
  const lines = (await runFixture("never_retrieved_close.ts")).trim().split(
    "\n",
  );
  const closed = lines.indexOf("-- closed");
  // Sorted: a collection the fixture did not ask for could report the
  // dropped future a little earlier, never a second time.
  assert.deepEqual(lines.slice(0, closed).sort(), [
    "Future exception was never retrieved exception=Error('future failed') future",
    "Future exception was never retrieved exception=RangeError('collected just before close') futureRepr=<Future finished exception=RangeError('collected just before close')>",
    "Task exception was never retrieved exception=SyntaxError('read after the report') future",
    "Task exception was never retrieved exception=TypeError('task failed') future",
  ]);
  assert.deepEqual(lines.slice(closed), ["-- closed", "-- collected"]);
});

Deno.test("EventLoop leaves nothing behind after a million futures, timers and iterations", async () => {
  const MB = 1024 * 1024;
  const m = JSON.parse(await runFixture("memory.ts", ["1000000"]));
  console.log(
    `heap (MB): baseline ${(m.baseline / MB).toFixed(1)}, after futures ${
      (m.afterFutures / MB).toFixed(1)
    }, with 1M timers ${(m.whileScheduled / MB).toFixed(1)}, after cancel ${
      (m.afterTimers / MB).toFixed(1)
    }, after 1M periodic iterations ${(m.afterPeriodic / MB).toFixed(1)}`,
  );
  assert.equal(m.done, 1_000_000);
  assert.equal(m.ticks, 1_000_000);
  // A million live timers take real memory, which then goes away.
  assert.ok(m.whileScheduled - m.baseline > 50 * MB);
  for (const key of ["afterFutures", "afterTimers", "afterPeriodic"]) {
    assert.ok(
      m[key] - m.baseline < 2 * MB,
      `${key}: ${m[key] - m.baseline} bytes above the baseline`,
    );
  }
});
