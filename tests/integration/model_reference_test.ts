/**
 * Checks the model test's reference model against CPython's recorded
 * traces: the programs in tests/reference/_model_program.expected.json run
 * on the model (tests/_model.ts) and on the library's loop, and both traces
 * must equal the one asyncio's own `BaseEventLoop` with a virtual clock
 * printed (tests/reference/_model_program.py). No Python runs here:
 * `deno task test:reference` re-runs the programs on CPython, and its
 * `--update` draws them anew (`PY_SEED`, `PY_PROGRAMS`).
 *
 * Only programs whose timers never fall due at the same time are recorded:
 * asyncio's heap leaves their order unspecified (the library runs them in
 * scheduling order, as the model does).
 *
 * @module
 */

import assert from "node:assert/strict";
import { execute, ModelLoop, type Program, realLoop } from "../_model.ts";

const recorded: {
  python: string;
  seed: number;
  programs: Array<{ program: Program; trace: string[] }>;
} = JSON.parse(
  await Deno.readTextFile(
    new URL("../reference/_model_program.expected.json", import.meta.url),
  ),
);

Deno.test("the model test's reference model matches CPython's recorded traces", async () => {
  assert.ok(recorded.programs.length >= 25, "fewer than 25 recorded programs");
  for (const [i, { program, trace }] of recorded.programs.entries()) {
    const message = `program ${i} of CPython ${recorded.python}'s recording ` +
      `(PY_SEED=${recorded.seed}): ${JSON.stringify(program)}`;
    const model = new ModelLoop();
    assert.deepEqual(
      (await execute(program, model)).trace,
      trace,
      `model vs CPython, ${message}`,
    );
    assert.equal(
      model.ties,
      false,
      `the model sees timers due together, ${message}`,
    );
    assert.deepEqual(
      (await execute(program, realLoop())).trace,
      trace,
      `library vs CPython, ${message}`,
    );
  }
});
