/**
 * Checks the model test's reference model against CPython: random programs
 * run on the model (tests/_model.ts), on the library's loop, and on asyncio
 * itself (tests/reference/_model_program.py, a virtual-clock BaseEventLoop);
 * the three traces must be identical.
 *
 * Only programs whose timers never fall due at the same time are used:
 * asyncio's heap leaves their order unspecified (the library runs them in
 * scheduling order, as the model does).
 *
 * Environment: `PY_PROGRAMS` (default 25) programs, generated from
 * `PY_SEED` (default 20240601).
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import {
  execute,
  ModelLoop,
  type Program,
  programArb,
  realLoop,
} from "../_model.ts";

const script = new URL("../reference/_model_program.py", import.meta.url);

function envInt(name: string, fallback: number): number {
  const text = Deno.env.get(name);
  return text ? Number(text) : fallback;
}

async function python(programs: Program[]): Promise<string[][]> {
  const child = new Deno.Command("python3", {
    args: [script.pathname],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(programs)));
  await writer.close();
  const { code, stdout, stderr } = await child.output();
  assert.equal(code, 0, new TextDecoder().decode(stderr));
  return JSON.parse(new TextDecoder().decode(stdout));
}

/** Tie-free programs, half on the fine grid and half on the coarse one. */
async function tieFreePrograms(count: number, seed: number) {
  const chosen: Array<{ program: Program; model: string[] }> = [];
  for (const grid of ["fine", "coarse"] as const) {
    const want = grid === "fine" ? Math.ceil(count / 2) : count;
    const candidates = fc.sample(programArb({ grid }), {
      numRuns: 50 * count,
      seed,
    });
    for (const program of candidates) {
      if (chosen.length >= want) break;
      const model = new ModelLoop();
      const { trace } = await execute(program, model);
      if (!model.ties) chosen.push({ program, model: trace });
    }
  }
  return chosen;
}

Deno.test("the model test's reference model matches CPython's asyncio on random programs", async () => {
  const count = envInt("PY_PROGRAMS", 25);
  const seed = envInt("PY_SEED", 20240601);
  const chosen = await tieFreePrograms(count, seed);
  assert.equal(chosen.length, count);
  const texts = chosen.map(({ program }) => JSON.stringify(program));
  for (const op of ["burst", "close", "addDone", "settle", "throw", "stop"]) {
    assert.ok(
      texts.some((text) => text.includes(`"op":"${op}"`)),
      `no program uses ${op}`,
    );
  }
  const traces = await python(chosen.map(({ program }) => program));
  for (const [i, { program, model }] of chosen.entries()) {
    const message = `program ${i} (PY_SEED=${seed}): ${
      JSON.stringify(program)
    }`;
    assert.deepEqual(model, traces[i], `model vs CPython, ${message}`);
    const { trace } = await execute(program, realLoop());
    assert.deepEqual(trace, traces[i], `library vs CPython, ${message}`);
  }
});
