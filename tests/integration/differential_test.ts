/**
 * The differential harness: every `tests/reference/<name>.py` that has a
 * `<name>.ts` beside it is a pair. Python 3.11 runs the `.py`, Deno runs the
 * `.ts` twice (`ASYNCIO_TS_CLOCK=real` and `ASYNCIO_TS_CLOCK=virtual`), and
 * each run's stdout must equal Python's byte for byte, with the same exit
 * code. See tests/README.md for how to add a pair.
 *
 * Pairs under `tests/reference/pending/` are known mismatches, left out.
 *
 * The subprocesses run a few at a time: the test of pair `i` starts the
 * runs of the next pairs too, so that the pool stays busy while it waits.
 *
 * @module
 */

import assert from "node:assert/strict";

const ROOT = new URL("../../", import.meta.url);
const REFERENCE = new URL("tests/reference/", ROOT);
/** Folders of `tests/reference/` that hold no pairs of the suite. */
const SKIP_DIRS = new Set(["pending"]);
const CLOCKS = ["real", "virtual"] as const;
/** Subprocesses at once (the CI machines have 2 cores). */
const POOL = 3;
/** Pairs started ahead of the one a test waits for. */
const LOOKAHEAD = 2;
/** A program that runs longer than this is killed (and its pair fails). */
const TIMEOUT_MS = 30_000;
const PYTHON = Deno.env.get("PYTHON") ?? "python3";

type Clock = (typeof CLOCKS)[number];

interface Pair {
  /** The path below tests/reference/, without the extension. */
  name: string;
  py: string;
  ts: string;
}

interface Run {
  command: string;
  code: number;
  stdout: string;
  stderr: string;
}

interface PairRuns {
  python: Run;
  deno: Record<Clock, Run>;
}

/** Every `.py`/`.ts` program below `dir`, by name without the extension. */
function programs(dir: URL, prefix = ""): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const entries = [...Deno.readDirSync(dir)].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  );
  for (const entry of entries) {
    if (entry.name.startsWith("_") || entry.name.startsWith(".")) continue;
    if (entry.isDirectory) {
      if (prefix === "" && SKIP_DIRS.has(entry.name)) continue;
      const sub = programs(
        new URL(`${entry.name}/`, dir),
        `${prefix}${entry.name}/`,
      );
      for (const [name, exts] of sub) found.set(name, exts);
      continue;
    }
    const match = /^(.*)\.(py|ts)$/.exec(entry.name);
    if (!entry.isFile || match === null) continue;
    const name = prefix + match[1];
    const exts = found.get(name) ?? new Set();
    exts.add(match[2]!);
    found.set(name, exts);
  }
  return found;
}

// The seed's three scripts pair with the examples themselves, which are
// their line-for-line translations (they use getEventLoop()'s loop, so both
// runs are on the real clock).
const EXAMPLES: Record<string, string> = {
  "seed/asyncio_future_event_loop": "examples/event_loop.ts",
  "seed/asyncio_future_await": "examples/await.ts",
  "seed/asyncio_future_callback": "examples/callback.ts",
};

const found = programs(REFERENCE);
const pairs: Pair[] = [];
const unpaired: string[] = [];
for (const [name, exts] of found) {
  const example = EXAMPLES[name];
  if (exts.size === 2 || (example !== undefined && exts.has("py"))) {
    pairs.push({
      name,
      py: new URL(`${name}.py`, REFERENCE).pathname,
      ts: example === undefined
        ? new URL(`${name}.ts`, REFERENCE).pathname
        : new URL(`../../${example}`, REFERENCE).pathname,
    });
  } else unpaired.push(`${name}.${[...exts][0]}`);
}

// A small semaphore over subprocesses.
let active = 0;
const waiting: Array<() => void> = [];

async function limited<T>(fn: () => Promise<T>): Promise<T> {
  if (active >= POOL) {
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else active++;
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next !== undefined) next();
    else active--;
  }
}

const decoder = new TextDecoder();

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<Run> {
  return limited(async () => {
    const shown = [command === Deno.execPath() ? "deno" : command, ...args]
      .map((arg) =>
        arg.startsWith(ROOT.pathname) ? arg.slice(ROOT.pathname.length) : arg
      )
      .join(" ");
    const output = await new Deno.Command(command, {
      args,
      cwd: ROOT,
      env,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).output();
    return {
      command: Object.entries(env).map(([k, v]) => `${k}=${v} `).join("") +
        shown,
      code: output.code,
      stdout: decoder.decode(output.stdout),
      stderr: decoder.decode(output.stderr),
    };
  });
}

let interpreter: Promise<string> | undefined;
/** The reference is Python 3.11; failures name the version that ran. */
let pythonVersion = "";

/**
 * The interpreter behind `python3`, asked once: a pyenv shim costs a few
 * hundred milliseconds per start.
 */
function pythonExecutable(): Promise<string> {
  interpreter ??= (async () => {
    const { code, stdout, stderr } = await new Deno.Command(PYTHON, {
      args: [
        "-c",
        "import sys; print(sys.executable); print(sys.version.split()[0])",
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const [path = "", version = ""] = decoder.decode(stdout).trim().split(
      "\n",
    );
    if (code !== 0 || path === "") {
      throw new Error(`${PYTHON} does not run: ${decoder.decode(stderr)}`);
    }
    pythonVersion = version;
    return path;
  })();
  return interpreter;
}

async function runPair(pair: Pair): Promise<PairRuns> {
  const python = run(await pythonExecutable(), [pair.py], {
    PYTHONDONTWRITEBYTECODE: "1",
    PYTHONIOENCODING: "utf-8",
    PYTHONHASHSEED: "0",
  });
  const deno = CLOCKS.map((clock) =>
    run(Deno.execPath(), [
      "run",
      "--quiet",
      "--allow-env=ASYNCIO_TS_CLOCK",
      pair.ts,
    ], { ASYNCIO_TS_CLOCK: clock, NO_COLOR: "1" })
  );
  const [real, virtual] = await Promise.all(deno);
  return { python: await python, deno: { real: real!, virtual: virtual! } };
}

const started = new Map<number, Promise<PairRuns>>();

function start(index: number): Promise<PairRuns> {
  let promise = started.get(index);
  if (promise === undefined) {
    promise = runPair(pairs[index]!);
    // A pair started ahead of a test filter may never be awaited.
    promise.catch(() => {});
    started.set(index, promise);
  }
  return promise;
}

/** A line diff of `expected` (Python, `-`) and `actual` (Deno, `+`). */
function diffLines(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from(
    { length: a.length + 1 },
    () => new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j]
        ? lcs[i + 1]![j + 1]! + 1
        : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${JSON.stringify(a[i])}`);
      i++;
      j++;
    } else if (
      j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)
    ) {
      out.push(`+ ${JSON.stringify(b[j])}`);
      j++;
    } else {
      out.push(`- ${JSON.stringify(a[i])}`);
      i++;
    }
  }
  return out.join("\n");
}

function indent(text: string): string {
  if (text.trim() === "") return "    (empty)";
  return text.trimEnd().split("\n").map((line) => `    ${line}`).join("\n");
}

/** What differs between Python's run and Deno's run on `clock`, if any. */
function compare(python: Run, deno: Run, clock: Clock): string | undefined {
  const problems: string[] = [];
  if (deno.stdout !== python.stdout) {
    problems.push(
      `stdout differs (- python, + deno):\n${
        diffLines(python.stdout, deno.stdout)
      }`,
    );
  }
  if (deno.code !== python.code) {
    problems.push(`exit code: python ${python.code}, deno ${deno.code}`);
  }
  if (problems.length === 0) return undefined;
  return `on the ${clock} clock:\n${problems.join("\n")}\n` +
    `  $ ${deno.command}\n  deno stderr:\n${indent(deno.stderr)}`;
}

Deno.test("differential: every reference program has its pair", () => {
  assert.deepEqual(unpaired, [], "a .py without its .ts, or a .ts without .py");
  assert.ok(pairs.length > 0, `no pairs found in ${REFERENCE.pathname}`);
});

for (const [index, pair] of pairs.entries()) {
  Deno.test({
    name: `differential: ${pair.name} matches asyncio`,
    // Runs of later pairs are still underway when this test ends.
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      for (let ahead = 0; ahead <= LOOKAHEAD; ahead++) {
        if (index + ahead < pairs.length) start(index + ahead);
      }
      const { python, deno } = await start(index);
      assert.ok(
        python.stdout.length > 0,
        `${pair.name}.py printed nothing (exit ${python.code}):\n${python.stderr}`,
      );
      const problems = CLOCKS.map((clock) =>
        compare(python, deno[clock], clock)
      ).filter((problem) => problem !== undefined);
      if (problems.length > 0) {
        assert.fail(
          `${pair.name} does not match asyncio ${problems.join("\n")}\n` +
            `  $ ${python.command}  (Python ${pythonVersion}; the ` +
            `reference is 3.11)\n  python stderr:\n${indent(python.stderr)}`,
        );
      }
    },
  });
}
