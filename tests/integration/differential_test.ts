/**
 * The differential harness: every TypeScript form of every case in
 * `tests/reference/` runs twice (`ASYNCIO_TS_CLOCK=real` and
 * `ASYNCIO_TS_CLOCK=virtual`), and each run's stdout must equal the output
 * CPython recorded for the case's Python program, byte for byte, with the
 * same exit code. No Python runs here: `deno task test:reference` re-checks
 * the recordings against a live CPython. See tests/README.md.
 *
 * Forms named `.pending` are known differences from asyncio, listed as
 * ignored tests.
 *
 * The subprocesses run a few at a time: the test of run `i` starts the next
 * runs too, so that the pool stays busy while it waits.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  type Case,
  diffLines,
  expectedFile,
  findCases,
  type Form,
  label,
  pool,
  readManifest,
  recordingOf,
  ROOT,
} from "../reference/_cases.ts";

const CLOCKS = ["real", "virtual"] as const;
/** Subprocesses at once (the CI machines have 2 cores). */
const limited = pool(3);
/** Runs started ahead of the one a test waits for. */
const LOOKAHEAD = 2;
/** A program that runs longer than this is killed (and its test fails). */
const TIMEOUT_MS = 30_000;

type Clock = (typeof CLOCKS)[number];

interface Run {
  command: string;
  code: number;
  stdout: string;
  stderr: string;
}

const manifest = readManifest();
const { cases, strays } = findCases();
const runs: Array<{ c: Case; form: Form }> = cases.flatMap((c) =>
  c.forms.filter((form) => !form.pending).map((form) => ({ c, form }))
);

const decoder = new TextDecoder();

function runDeno(path: string, clock: Clock): Promise<Run> {
  return limited(async () => {
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--quiet", "--allow-env=ASYNCIO_TS_CLOCK", path],
      cwd: ROOT,
      env: { ASYNCIO_TS_CLOCK: clock, NO_COLOR: "1" },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).output();
    return {
      command: `ASYNCIO_TS_CLOCK=${clock} deno run --allow-env ${
        path.slice(ROOT.pathname.length)
      }`,
      code: output.code,
      stdout: decoder.decode(output.stdout),
      stderr: decoder.decode(output.stderr),
    };
  });
}

const started = new Map<number, Promise<Run[]>>();

function start(index: number): Promise<Run[]> {
  let promise = started.get(index);
  if (promise === undefined) {
    const { form } = runs[index]!;
    promise = Promise.all(CLOCKS.map((clock) => runDeno(form.path, clock)));
    // A run started ahead of a test filter may never be awaited.
    promise.catch(() => {});
    started.set(index, promise);
  }
  return promise;
}

function indent(text: string): string {
  if (text.trim() === "") return "    (empty)";
  return text.trimEnd().split("\n").map((line) => `    ${line}`).join("\n");
}

/** What differs between the recording and a run, if anything. */
function compare(
  expected: string,
  code: number,
  run: Run,
  clock: Clock,
): string | undefined {
  const problems: string[] = [];
  if (run.stdout !== expected) {
    problems.push(
      `stdout differs (- CPython, + asyncio-ts):\n${
        diffLines(expected, run.stdout)
      }`,
    );
  }
  if (run.code !== code) {
    problems.push(`exit code: CPython ${code}, asyncio-ts ${run.code}`);
  }
  if (problems.length === 0) return undefined;
  return `on the ${clock} clock:\n${problems.join("\n")}\n` +
    `  $ ${run.command}\n  stderr:\n${indent(run.stderr)}`;
}

Deno.test("differential: every reference file belongs to a case", () => {
  assert.deepEqual(
    strays,
    [],
    "a .ts form or a recording without its .py, or a .py without a form or " +
      "a recording (record it with `deno task test:reference --update`)",
  );
  assert.ok(runs.length > 0, "no cases found in tests/reference/");
});

for (const c of cases) {
  for (const form of c.forms.filter((form) => form.pending)) {
    Deno.test({
      name: `differential: ${label(c, form)} matches asyncio (pending)`,
      ignore: true,
      fn() {},
    });
  }
}

for (const [index, { c, form }] of runs.entries()) {
  Deno.test({
    name: `differential: ${label(c, form)} matches asyncio`,
    // Runs of later forms are still underway when this test ends.
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      for (let ahead = 0; ahead <= LOOKAHEAD; ahead++) {
        if (index + ahead < runs.length) start(index + ahead);
      }
      const recording = recordingOf(manifest, c.name);
      const target = manifest.targets?.[c.name]?.python ?? recording.python;
      const file = expectedFile(c, recording, target);
      const expected = await Deno.readTextFile(file);
      const code = manifest.exitCodes?.[c.name] ?? 0;
      const results = await start(index);
      const problems = CLOCKS.map((clock, i) =>
        compare(expected, code, results[i]!, clock)
      ).filter((problem) => problem !== undefined);
      if (problems.length > 0) {
        assert.fail(
          `${label(c, form)} does not print what CPython ${target} ` +
            `recorded in ${file.slice(ROOT.pathname.length)} ${
              problems.join("\n")
            }`,
        );
      }
    },
  });
}
