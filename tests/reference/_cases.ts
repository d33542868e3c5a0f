/**
 * The differential cases, as the two tools that use them see them:
 * `tests/integration/differential_test.ts` (the TypeScript forms against the
 * recorded output, no Python needed) and `scripts/reference.ts` (the Python
 * programs against the recorded output, on a live CPython).
 *
 * A case is `tests/reference/<topic>/<case>.py` with its recorded stdout in
 * `<case>.expected.txt`. Its TypeScript forms sit beside it:
 * `<case>.ts` (async functions), `<case>.gen.ts` (generator coroutines), or
 * `<case>.<form>.ts` for another translation of the same program. A form
 * whose name ends in `.pending` is a known difference from asyncio: it is
 * listed, not run. The seed's scripts (`seed/`) pair with `examples/*.ts`.
 *
 * `cpython.json` says which CPython recorded the files: `python`, and per
 * folder in `folders`. Where another minor version prints something else,
 * `<case>.expected.<minor>.txt` holds its output; `variants` lists the
 * versions those files were checked with. Exit codes other than 0 are in
 * `exitCodes`. `skip` names the cases that one exact version cannot run,
 * and why (a bug of that release).
 *
 * @module
 */

/** `tests/reference/`. */
export const REFERENCE: URL = new URL("./", import.meta.url);
/** The repository's root. */
export const ROOT: URL = new URL("../../", import.meta.url);
const MANIFEST = new URL("cpython.json", REFERENCE);

/** One TypeScript translation of a case. */
export interface Form {
  /** `""` for `<case>.ts`, else the part between the case and `.ts`. */
  form: string;
  /** Absolute path of the `.ts` file. */
  path: string;
  /** A known difference from asyncio: listed, not run. */
  pending: boolean;
}

/** A Python program, its recorded output and its TypeScript forms. */
export interface Case {
  /** `<topic>/<case>`, the path below tests/reference/ without extension. */
  name: string;
  /** Absolute path of the `.py` program. */
  py: string;
  forms: Form[];
}

/** What recorded a folder's files, from cpython.json. */
export interface Recording {
  /** The exact CPython version of `<case>.expected.txt`. */
  python: string;
  /** Other exact versions checked; their differences are per-minor files. */
  variants: string[];
}

/** cpython.json. */
export interface Manifest extends Recording {
  /** Folders recorded with other versions than the default. */
  folders?: Record<string, Recording>;
  /** Python's exit code by case name, where it is not 0. */
  exitCodes?: Record<string, number>;
  /**
   * Cases an exact version cannot run, with the reason: version, then case
   * name, then why.
   */
  skip?: Record<string, Record<string, string>>;
  /**
   * Cases whose TypeScript forms follow a later CPython than the recorded
   * one (a fix of asyncio that this library takes): case name, then the
   * exact version whose per-minor file they are compared with, and why.
   */
  targets?: Record<string, { python: string; why: string }>;
}

// The seed's scripts pair with the examples, their line-for-line
// translations (both runs are on the real clock: they use getEventLoop()),
// and so does the queue example, whose Python counterpart CPython 3.13
// recorded.
const EXAMPLES: Record<string, string> = {
  "seed/asyncio_future_event_loop": "examples/event_loop.ts",
  "seed/asyncio_future_await": "examples/await.ts",
  "seed/asyncio_future_callback": "examples/callback.ts",
  "queues/producer_consumer": "examples/producer_consumer.ts",
};

const byName = (a: { name: string }, b: { name: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** The files of `dir` and its subfolders, relative to REFERENCE. */
function walk(dir: URL, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of [...Deno.readDirSync(dir)].sort(byName)) {
    if (entry.name.startsWith("_") || entry.name.startsWith(".")) continue;
    if (entry.isDirectory) {
      out.push(
        ...walk(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`),
      );
    } else if (entry.isFile && prefix !== "") {
      // Cases live in topic folders; the root holds the harness's files.
      out.push(prefix + entry.name);
    }
  }
  return out;
}

/**
 * Every case, and the files that belong to none (a form without its
 * program, a recording without its program, a program without a form).
 */
export function findCases(): { cases: Case[]; strays: string[] } {
  const files = walk(REFERENCE);
  const path = (file: string) => new URL(file, REFERENCE).pathname;
  const cases = new Map<string, Case>();
  for (const file of files) {
    if (!file.endsWith(".py")) continue;
    const name = file.slice(0, -3);
    const example = EXAMPLES[name];
    cases.set(name, {
      name,
      py: path(file),
      forms: example === undefined ? [] : [{
        form: "",
        path: new URL(example, ROOT).pathname,
        pending: false,
      }],
    });
  }
  const strays: string[] = [];
  for (const file of files) {
    if (file.endsWith(".py")) continue;
    const slash = file.lastIndexOf("/") + 1;
    const [base = "", ...rest] = file.slice(slash).split(".");
    const owner = cases.get(file.slice(0, slash) + base);
    const ext = rest.at(-1);
    if (owner !== undefined && ext === "ts") {
      const pending = rest.at(-2) === "pending";
      owner.forms.push({
        form: rest.slice(0, pending ? -2 : -1).join("."),
        path: path(file),
        pending,
      });
    } else if (
      owner === undefined || ext !== "txt" || rest[0] !== "expected" ||
      !(rest.length === 2 ||
        (rest.length === 4 && /^\d+$/.test(rest[1]!) &&
          /^\d+$/.test(rest[2]!)))
    ) strays.push(file);
  }
  for (const c of cases.values()) {
    if (c.forms.length === 0) strays.push(`${c.name}.py (no .ts form)`);
    try {
      Deno.statSync(`${c.py.slice(0, -3)}.expected.txt`);
    } catch {
      strays.push(`${c.name}.py (no .expected.txt)`);
    }
    c.forms.sort((a, b) => a.form < b.form ? -1 : a.form > b.form ? 1 : 0);
  }
  return { cases: [...cases.values()].sort(byName), strays };
}

/** cpython.json, read. */
export function readManifest(): Manifest {
  return JSON.parse(Deno.readTextFileSync(MANIFEST));
}

/** cpython.json, written back as it is laid out. */
export function writeManifest(manifest: Manifest): void {
  Deno.writeTextFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + "\n");
}

/** What recorded the files of `name`'s folder. */
export function recordingOf(manifest: Manifest, name: string): Recording {
  const folder = name.slice(0, name.lastIndexOf("/"));
  return manifest.folders?.[folder] ?? manifest;
}

/** `3.12` of `3.12.1`. */
export function minor(version: string): string {
  return version.split(".").slice(0, 2).join(".");
}

/**
 * The recorded output file of a case for a CPython version: the case's own
 * one for the recorded version's minor, else the minor's own file if the
 * case has one.
 */
export function expectedFile(
  c: Case,
  recording: Recording,
  version = recording.python,
): string {
  const base = c.py.slice(0, -3);
  if (minor(version) === minor(recording.python)) return `${base}.expected.txt`;
  const own = `${base}.expected.${minor(version)}.txt`;
  try {
    Deno.statSync(own);
    return own;
  } catch {
    return `${base}.expected.txt`;
  }
}

/** A name for a test or a report: `tasks/shield [gen]`. */
export function label(c: Case, form: Form): string {
  return form.form === "" ? c.name : `${c.name} [${form.form}]`;
}

/** A line diff of `expected` (`-`) and `actual` (`+`). */
export function diffLines(expected: string, actual: string): string {
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

/** A pool that runs at most `size` jobs at once. */
export function pool(size: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (job) => {
    if (active >= size) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else active++;
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next !== undefined) next();
      else active--;
    }
  };
}
