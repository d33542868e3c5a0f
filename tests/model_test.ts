/**
 * Model-based random testing: random programs of callSoon, callLater,
 * callAt, cancel, stop, runs after stops, futures settled and cancelled
 * with done callbacks, throwing callbacks and callbacks that schedule more
 * run on the library's loop (virtual clock) and on the reference model in
 * `_model.ts`; the traces must be identical.
 *
 * Environment (read through `node:process`, so the file runs under Node
 * too):
 * - `FC_NUM_RUNS`: programs per run (default 1000);
 * - `FC_SEED` and `FC_PATH`: replay a failure, as the failure message says.
 */

import assert from "node:assert/strict";
import process from "node:process";
import fc from "fast-check";
import {
  execute,
  lostOrTwice,
  ModelLoop,
  type Program,
  programArb,
  realLoop,
} from "./_model.ts";

function env(name: string): string | undefined {
  try {
    return process.env[name] || undefined;
  } catch {
    return undefined; // no permission to read the environment
  }
}

function envInt(name: string): number | undefined {
  const text = env(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new TypeError(`${name} must be an integer, got ${text}`);
  }
  return value;
}

async function check(program: Program): Promise<void> {
  const model = new ModelLoop();
  const expected = await execute(program, model);
  const actual = await execute(program, realLoop());
  assert.deepEqual(actual.trace, expected.trace);
  assert.deepEqual(lostOrTwice(actual), []);
  assert.deepEqual(lostOrTwice(expected), []);
}

Deno.test("EventLoop runs random programs exactly as the reference model of asyncio does", async () => {
  const numRuns = envInt("FC_NUM_RUNS") ?? 1000;
  const seed = envInt("FC_SEED");
  const path = env("FC_PATH");
  const details = await fc.check(
    fc.asyncProperty(programArb(), check),
    {
      numRuns,
      // A program that hangs the loop fails instead of hanging the test.
      timeout: 5000,
      ...(seed === undefined ? {} : { seed }),
      ...(path === undefined ? {} : { path, endOnFailure: true }),
    },
  );
  if (!details.failed) return;
  const program = details.counterexample?.[0];
  throw new Error(
    [
      fc.defaultReportMessage(details) ?? "Property failed",
      "",
      String(
        details.errorInstance instanceof Error
          ? details.errorInstance.message
          : details.errorInstance,
      ),
      "",
      "Replay this failure with:",
      `  FC_SEED=${details.seed} FC_PATH=${
        JSON.stringify(details.counterexamplePath ?? "")
      } deno test --allow-env tests/model_test.ts`,
      "Run the program on CPython (save the JSON below as program.json):",
      "  python3 tests/reference/_model_program.py < program.json",
      JSON.stringify([program]),
    ].join("\n"),
  );
});

Deno.test("the model test's programs cover ties, throws, stops, runs, done callbacks, closes and heap compaction", async () => {
  // Not a proof of coverage: a guard against an arbitrary that silently
  // stopped generating some kind of event.
  const seen = new Set<string>();
  let ties = 0;
  let compactions = 0;
  for (const program of fc.sample(programArb(), { numRuns: 200, seed: 1 })) {
    const model = new ModelLoop();
    const { trace } = await execute(program, model);
    if (model.ties) ties++;
    if (model.compactions > 0) compactions++;
    for (const line of trace) {
      const kind = line.split(" ")[1]!;
      seen.add(kind.startsWith("cb") ? "cb" : kind);
      if (/\(fut\d+ /.test(line)) seen.add("done callback");
      if (/ cb\d+\.\d+$/.test(line)) seen.add("burst");
      if (line.endsWith("Event loop is closed")) seen.add("closed");
      if (line.endsWith("Cannot close a running event loop")) {
        seen.add("close while running");
      }
    }
  }
  for (
    const kind of [
      "cb",
      "done callback",
      "handler(callback)",
      "runForever",
      "runUntilComplete",
      "returned",
      "raised",
      "removed",
      "cancel",
      "guard",
      "outside",
      "burst",
      "closed",
      "close while running",
    ]
  ) assert.ok(seen.has(kind), `no program showed ${kind}`);
  assert.ok(ties > 0, "no program had timers due at the same time");
  assert.ok(compactions > 0, "no program made the loop compact its timers");
});
