/**
 * `deno task test:reference`: re-checks the recorded CPython output of the
 * differential cases (tests/reference/) against a live CPython, or records
 * it anew. `deno task test` compares the TypeScript forms with the recorded
 * files and needs no Python; this task is what keeps those files honest.
 *
 *     deno task test:reference            # $PYTHON (default python3)
 *     deno task test:reference --all      # every recorded version found here
 *     deno task test:reference --update   # record $PYTHON's output
 *     deno task test:reference --filter timeout
 *
 * The interpreter must be a version that recorded the files (cpython.json):
 * another one fails with a message naming both. `--update` with the recorded
 * minor version rewrites `<case>.expected.txt` (and, with no filter, makes
 * that exact version the recorded one); with another minor version it writes
 * `<case>.expected.<minor>.txt` only for the cases whose output differs, and
 * adds the version to `variants`. Review the diff like any change.
 *
 * The model test's programs (`_model_program.expected.json`) are re-run on
 * CPython too; `--update` regenerates them from `PY_SEED` (default 20240601)
 * and `PY_PROGRAMS` (default 25).
 *
 * @module
 */

import fc from "fast-check";
import {
  type Case,
  diffLines,
  expectedFile,
  findCases,
  minor,
  pool,
  readManifest,
  type Recording,
  recordingOf,
  REFERENCE,
  writeManifest,
} from "../tests/reference/_cases.ts";
import {
  execute,
  ModelLoop,
  type Program,
  programArb,
} from "../tests/_model.ts";

const MODEL_SCRIPT = new URL("_model_program.py", REFERENCE).pathname;
const MODEL_EXPECTED = new URL("_model_program.expected.json", REFERENCE);
const TIMEOUT_MS = 30_000;
const ENV = {
  PYTHONDONTWRITEBYTECODE: "1",
  PYTHONIOENCODING: "utf-8",
  PYTHONHASHSEED: "0",
};
const decoder = new TextDecoder();
const limited = pool(Math.max(2, navigator.hardwareConcurrency));

interface Python {
  /** How it was asked for: `python3`, a path. */
  command: string;
  executable: string;
  version: string;
}

interface Options {
  update: boolean;
  filter: string | undefined;
}

/** The recorded model programs and CPython's trace of each. */
interface ModelRecording {
  python: string;
  seed: number;
  programs: Array<{ program: Program; trace: string[] }>;
}

function parseArgs(args: string[]): Options & { all: boolean } {
  const options = { update: false, all: false, filter: undefined } as
    & Options
    & {
      all: boolean;
    };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--update") options.update = true;
    else if (arg === "--all") options.all = true;
    else if (arg === "--filter" && i + 1 < args.length) {
      options.filter = args[++i];
    } else {
      console.error(
        `unknown argument ${JSON.stringify(arg)}; ` +
          "use --update, --all, --filter TEXT",
      );
      Deno.exit(2);
    }
  }
  if (options.update && options.all) {
    console.error("--update records one interpreter: set PYTHON, not --all");
    Deno.exit(2);
  }
  return options;
}

/** The interpreter behind `command`, or undefined if it does not run. */
async function probe(command: string): Promise<Python | undefined> {
  try {
    const { code, stdout } = await new Deno.Command(command, {
      args: [
        "-c",
        "import sys; print(sys.executable); print(sys.version.split()[0])",
      ],
      stdout: "piped",
      stderr: "null",
      stdin: "null",
    }).output();
    const [executable = "", version = ""] = decoder.decode(stdout).trim()
      .split("\n");
    if (code !== 0 || executable === "") return undefined;
    return { command, executable, version };
  } catch {
    return undefined;
  }
}

/** Interpreters to look at for `--all`: PATH's and pyenv's. */
function candidates(): string[] {
  const names = [
    "python3",
    "python3.11",
    "python3.12",
    "python3.13",
    "python3.14",
  ];
  const found = [
    Deno.env.get("PYTHON") ?? "python3",
    ...names,
    "/usr/bin/python3",
  ];
  const pyenv = Deno.env.get("PYENV_ROOT") ??
    `${Deno.env.get("HOME") ?? ""}/.pyenv`;
  try {
    for (const entry of Deno.readDirSync(`${pyenv}/versions`)) {
      found.push(`${pyenv}/versions/${entry.name}/bin/python3`);
    }
  } catch {
    // No pyenv here.
  }
  return [...new Set(found)];
}

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runPython(
  python: Python,
  script: string,
  input?: string,
): Promise<RunResult> {
  return limited(async () => {
    const child = new Deno.Command(python.executable, {
      args: [script],
      cwd: new URL("../", import.meta.url),
      env: ENV,
      stdin: input === undefined ? "null" : "piped",
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).spawn();
    if (input !== undefined) {
      const writer = child.stdin.getWriter();
      await writer.write(new TextEncoder().encode(input));
      await writer.close();
    }
    const out = await child.output();
    return {
      code: out.code,
      stdout: decoder.decode(out.stdout),
      stderr: decoder.decode(out.stderr),
    };
  });
}

function readText(path: string): string | undefined {
  try {
    return Deno.readTextFileSync(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
}

function indent(text: string): string {
  if (text.trim() === "") return "    (empty)";
  return text.trimEnd().split("\n").map((line) => `    ${line}`).join("\n");
}

/** Which versions recorded what, in one line. */
function describe(recordings: Recording[]): string {
  const versions = new Set<string>();
  for (const r of recordings) versions.add(r.python);
  const variants = new Set<string>();
  for (const r of recordings) for (const v of r.variants) variants.add(v);
  const also = [...variants].filter((v) => !versions.has(v));
  return `CPython ${[...versions].join(", ")}` +
    (also.length > 0 ? ` (also checked: ${also.join(", ")})` : "");
}

/** Checks (or records) every selected case with one interpreter. */
async function checkCases(
  python: Python,
  options: Options,
): Promise<{ checked: number; failures: number; skipped: string[] }> {
  const manifest = readManifest();
  const { cases } = findCases();
  const skips = manifest.skip?.[python.version] ?? {};
  for (const [name, why] of Object.entries(skips)) {
    console.log(`skipped ${name} on CPython ${python.version}: ${why}`);
  }
  const selected = cases.filter((c) =>
    (options.filter === undefined || c.name.includes(options.filter)) &&
    skips[c.name] === undefined
  );
  const recordingsOf = new Map<string, Recording>();
  for (const c of selected) {
    const folder = c.name.slice(0, c.name.lastIndexOf("/"));
    recordingsOf.set(folder, recordingOf(manifest, c.name));
  }
  const covers = (r: Recording) =>
    r.python === python.version || r.variants.includes(python.version);
  const checkable = selected.filter((c) =>
    options.update || covers(recordingOf(manifest, c.name))
  );
  const skipped = [...recordingsOf].filter(([, r]) =>
    !options.update && !covers(r)
  ).map(([folder]) => `${folder}/`);
  if (checkable.length === 0) {
    console.error(
      `${python.command} is CPython ${python.version} (${python.executable}), ` +
        `but the recorded outputs come from ${
          describe([...recordingsOf.values()])
        }. ` +
        "Set PYTHON to one of those, or record this version with " +
        "`deno task test:reference --update` and review the diff " +
        "(tests/README.md).",
    );
    return { checked: 0, failures: 1, skipped: [] };
  }
  if (options.update) {
    const changes = [...recordingsOf.values()].some((r) =>
      minor(r.python) === minor(python.version) && r.python !== python.version
    );
    if (changes && options.filter !== undefined) {
      console.error(
        `recording CPython ${python.version} in place of another ${
          minor(python.version)
        } release re-records every case: drop --filter`,
      );
      return { checked: 0, failures: 1, skipped: [] };
    }
  }

  const exitCodes = { ...manifest.exitCodes };
  const results = await Promise.all(
    checkable.map(async (c) => ({ c, run: await runPython(python, c.py) })),
  );
  let failures = 0;
  for (const { c, run } of results) {
    const recording = recordingOf(manifest, c.name);
    const primary = minor(recording.python) === minor(python.version);
    const file = expectedFile(c, recording, python.version);
    const expected = readText(file);
    const expectedCode = exitCodes[c.name] ?? 0;
    if (options.update) {
      failures += record(c, run, primary, python.version, exitCodes) ? 0 : 1;
      continue;
    }
    const problems: string[] = [];
    if (expected === undefined) problems.push(`${file} is missing`);
    else if (run.stdout !== expected) {
      problems.push(
        `stdout differs (- recorded, + CPython ${python.version}):\n${
          diffLines(expected, run.stdout)
        }`,
      );
    }
    if (run.code !== expectedCode) {
      problems.push(`exit code: recorded ${expectedCode}, now ${run.code}`);
    }
    if (problems.length > 0) {
      failures++;
      console.log(
        `FAILED ${c.name}: ${problems.join("\n")}\n  $ ${python.executable} ${
          c.py.slice(REFERENCE.pathname.length - "tests/reference/".length)
        }\n  stderr:\n${indent(run.stderr)}`,
      );
    }
  }
  if (options.update) {
    for (const r of recordingsOf.values()) {
      if (minor(r.python) === minor(python.version)) r.python = python.version;
      else {
        r.variants = r.variants.filter((v) =>
          minor(v) !== minor(python.version)
        );
        r.variants.push(python.version);
        r.variants.sort();
      }
    }
    const sorted = Object.fromEntries(
      Object.entries(exitCodes).sort(([a], [b]) => a < b ? -1 : 1),
    );
    if (Object.keys(sorted).length > 0) manifest.exitCodes = sorted;
    else delete manifest.exitCodes;
    writeManifest(manifest);
  }
  return { checked: checkable.length, failures, skipped };
}

/** Writes one case's recording; false if it cannot be recorded. */
function record(
  c: Case,
  run: RunResult,
  primary: boolean,
  version: string,
  exitCodes: Record<string, number>,
): boolean {
  const base = c.py.slice(0, -3);
  if (run.stdout === "") {
    console.log(
      `FAILED ${c.name}: printed nothing (exit ${run.code}), not recorded:\n${
        indent(run.stderr)
      }`,
    );
    return false;
  }
  if (primary) {
    Deno.writeTextFileSync(`${base}.expected.txt`, run.stdout);
    if (run.code === 0) delete exitCodes[c.name];
    else exitCodes[c.name] = run.code;
    return true;
  }
  if (run.code !== (exitCodes[c.name] ?? 0)) {
    console.log(
      `FAILED ${c.name}: exits ${run.code} on CPython ${version}, ${
        exitCodes[c.name] ?? 0
      } on the recorded one; per-version exit codes are not recorded`,
    );
    return false;
  }
  const own = `${base}.expected.${minor(version)}.txt`;
  if (run.stdout === readText(`${base}.expected.txt`)) {
    if (readText(own) !== undefined) Deno.removeSync(own);
  } else {
    Deno.writeTextFileSync(own, run.stdout);
    console.log(`${c.name}: CPython ${minor(version)} prints otherwise`);
  }
  return true;
}

function envInt(name: string, fallback: number): number {
  const text = Deno.env.get(name);
  return text ? Number(text) : fallback;
}

/**
 * Tie-free programs (no timers due at the same time: asyncio leaves their
 * order unspecified), half on the fine grid and half on the coarse one,
 * with every operation used.
 */
async function modelPrograms(count: number, seed: number): Promise<Program[]> {
  const chosen: Program[] = [];
  for (const grid of ["fine", "coarse"] as const) {
    const want = grid === "fine" ? Math.ceil(count / 2) : count;
    const candidates = fc.sample(programArb({ grid }), {
      numRuns: 50 * count,
      seed,
    });
    for (const program of candidates) {
      if (chosen.length >= want) break;
      const model = new ModelLoop();
      await execute(program, model);
      if (!model.ties) chosen.push(program);
    }
  }
  const texts = chosen.map((program) => JSON.stringify(program));
  for (const op of ["burst", "close", "addDone", "settle", "throw", "stop"]) {
    if (!texts.some((text) => text.includes(`"op":"${op}"`))) {
      throw new Error(`no model program uses ${op}; change PY_SEED`);
    }
  }
  return chosen;
}

/** Checks (or records) the model programs' traces with one interpreter. */
async function checkModel(python: Python, options: Options): Promise<number> {
  const recorded: ModelRecording = JSON.parse(
    Deno.readTextFileSync(MODEL_EXPECTED),
  );
  if (options.update && minor(python.version) !== minor(recorded.python)) {
    console.log(
      `model: recorded with CPython ${recorded.python}; ${python.version} ` +
        "is checked, not recorded",
    );
    options = { ...options, update: false };
  }
  const programs = options.update
    ? await modelPrograms(
      envInt("PY_PROGRAMS", 25),
      envInt("PY_SEED", 20240601),
    )
    : recorded.programs.map(({ program }) => program);
  const run = await runPython(python, MODEL_SCRIPT, JSON.stringify(programs));
  if (run.code !== 0) {
    console.log(
      `FAILED model: ${MODEL_SCRIPT} exited ${run.code}:\n${
        indent(run.stderr)
      }`,
    );
    return 1;
  }
  const traces: string[][] = JSON.parse(run.stdout);
  if (options.update) {
    const out: ModelRecording = {
      python: python.version,
      seed: envInt("PY_SEED", 20240601),
      programs: programs.map((program, i) => ({ program, trace: traces[i]! })),
    };
    // One program a line, so that a new recording reads well in a diff.
    const lines = out.programs.map((entry) => JSON.stringify(entry));
    Deno.writeTextFileSync(
      MODEL_EXPECTED,
      `{"python":${JSON.stringify(out.python)},"seed":${out.seed},` +
        `"programs":[\n${lines.join(",\n")}\n]}\n`,
    );
    return 0;
  }
  let failures = 0;
  for (const [i, { trace }] of recorded.programs.entries()) {
    const now = traces[i] ?? [];
    if (JSON.stringify(now) !== JSON.stringify(trace)) {
      failures++;
      console.log(
        `FAILED model program ${i}: (- recorded, + CPython ${python.version})\n${
          diffLines(trace.join("\n"), now.join("\n"))
        }`,
      );
    }
  }
  return failures;
}

async function checkWith(python: Python, options: Options): Promise<boolean> {
  const started = performance.now();
  const cases = await checkCases(python, options);
  let failures = cases.failures;
  let model = "";
  if (
    cases.checked > 0 &&
    (options.filter === undefined || "model".includes(options.filter))
  ) {
    const modelFailures = await checkModel(python, options);
    failures += modelFailures;
    model = modelFailures === 0
      ? ", model programs match"
      : ", model programs differ";
  }
  if (cases.checked > 0) {
    const verb = options.update ? "recorded" : "checked";
    console.log(
      `reference: CPython ${python.version} (${python.executable}): ` +
        `${cases.checked} ${
          cases.checked === 1 ? "case" : "cases"
        } ${verb}, ${failures} failed${model}` +
        (cases.skipped.length > 0
          ? `; not recorded with this version: ${cases.skipped.join(" ")}`
          : "") +
        ` (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  return failures === 0;
}

async function main(): Promise<number> {
  const options = parseArgs(Deno.args);
  if (!options.all) {
    const command = Deno.env.get("PYTHON") ?? "python3";
    const python = await probe(command);
    if (python === undefined) {
      console.error(`${command} does not run; set PYTHON to a CPython 3`);
      return 1;
    }
    return (await checkWith(python, options)) ? 0 : 1;
  }
  // --all: every recorded version that some interpreter here has.
  const manifest = readManifest();
  const wanted = new Set<string>();
  for (const r of [manifest, ...Object.values(manifest.folders ?? {})]) {
    wanted.add(r.python);
    for (const v of r.variants) wanted.add(v);
  }
  const found = new Map<string, Python>();
  for (const command of candidates()) {
    const python = await probe(command);
    if (
      python !== undefined && wanted.has(python.version) &&
      !found.has(python.version)
    ) {
      found.set(python.version, python);
    }
  }
  const missing = [...wanted].filter((v) => !found.has(v)).sort();
  if (found.size === 0) {
    console.log(
      `reference: skipped, no CPython of the recorded versions (${
        [...wanted].sort().join(", ")
      }) on this machine`,
    );
    return 0;
  }
  let ok = true;
  for (const version of [...found.keys()].sort()) {
    ok = (await checkWith(found.get(version)!, options)) && ok;
  }
  if (missing.length > 0) {
    console.log(
      `reference: not on this machine: CPython ${missing.join(", ")}`,
    );
  }
  return ok ? 0 : 1;
}

Deno.exit(await main());
