/**
 * Runs the workloads of issue 5 on every implementation, interleaved, and
 * prints Markdown tables: median ops/s, the ratio to CPython asyncio measured
 * within each repetition, and the issue's targets.
 *
 * ```sh
 * deno task bench:compare                       # 5 repetitions, full N
 * deno task bench:compare --reps 2 --n-scale 0.1 --workloads callsoon_chain
 * deno task bench:compare --flatness            # per-op time, 10k vs 1M
 * deno task bench:compare --memory              # bytes per Handle/Future/Task
 * ```
 *
 * Implementations (`--impls`, comma-separated; the default is all that are
 * available): `deno` (bench/workloads.ts on ../mod.ts), `node`
 * (bench/node_workloads.mjs on the npm build, `--node-mod`, default
 * npm/esm/mod.js), `asyncio` (`python3` on PATH, or `--python`, the
 * baseline), `uvloop`
 * (Debian's python3-uvloop on /usr/bin/python3) and `asyncio-debian` (plain
 * asyncio on /usr/bin/python3, to compare uvloop on the same interpreter).
 *
 * Each measurement is its own process; within a repetition every workload
 * runs on every implementation, the order of implementations rotating from
 * one repetition to the next.
 *
 * `floor_pingpong` is the floor of `await_pingpong`: the same two players as
 * plain `async` functions passing the counter through a minimal thenable, with
 * no loop. It runs on Deno and Node only (n/a elsewhere), is paired with no
 * asyncio number, and `await_pingpong` (`async` function tasks) is reported as
 * a share of it, paired within each repetition on the same runtime.
 *
 * @module
 */

import {
  GENERATOR_WORKLOADS as GENERATOR_VARIANTS,
  WORKLOADS,
} from "./_workloads.mjs";

/** The workloads that have a generator-task variant. */
const GENERATOR_WORKLOADS: ReadonlySet<string> = new Set(
  Object.keys(GENERATOR_VARIANTS),
);

const ROOT = new URL("..", import.meta.url).pathname;
const BASELINE = "asyncio";

/** The issue's targets: asyncio-ts ÷ asyncio, per workload. */
const TARGETS: Record<string, number> = {
  "callsoon_batch": 8,
  "callsoon_chain": 60,
  "future_lifecycle": 10,
  "await_pingpong": 15,
  "timers_expired": 15,
  "gather_sleep0": 7,
  "queue_producer_consumer": 10,
  "lock_turns": 10,
};
/**
 * Targets that differ for `async` function tasks (`deno`, `node`) from the
 * one above, which then holds for generator tasks: issue 14 asks for 10x
 * asyncio with generator tasks and a lead over asyncio with `async` ones.
 */
const ASYNC_TARGETS: Record<string, number> = {
  "queue_producer_consumer": 1,
  "lock_turns": 1,
};

/**
 * The target of `workload` for the implementation `key` (`NaN`: the
 * workload has none, as `tasks_done` and `eager_done`, measured for eager
 * tasks).
 */
function targetOf(workload: string, key: string): number {
  if (TARGETS[workload] === undefined) return NaN;
  const async = ASYNC_TARGETS[workload];
  return async !== undefined && !key.endsWith("-gen")
    ? async
    : TARGETS[workload]!;
}

/** The target column: one target, or the generator and async ones. */
function targetLabel(workload: string): string {
  if (TARGETS[workload] === undefined) return "—";
  const async = ASYNC_TARGETS[workload];
  return async === undefined
    ? `≥ ${TARGETS[workload]}×`
    : `≥ ${TARGETS[workload]}× (gen), ≥ ${async}× (async)`;
}
/**
 * Workloads that use no event loop: run by the JavaScript runners only (Deno,
 * Node; n/a on CPython), with no ratio to asyncio and no target of their own.
 */
const NO_LOOP: ReadonlySet<string> = new Set(["floor_pingpong"]);
/** The floor and the workload measured against it, on the same runtime. */
const FLOOR = "floor_pingpong";
const FLOORED = "await_pingpong";
/** The issue's target: `await_pingpong` (async tasks) ÷ the floor (#12). */
const FLOOR_TARGET = 0.6;
/** Per-op time at the large N may be at most this many times the small N's. */
const FLATNESS_LIMIT = 1.5;
/**
 * Left out of the flatness mode unless `--workloads` names them: a million
 * suspended tasks take ~30 s per run and ~3.5 GB.
 */
const FLATNESS_HUGE = new Set(["gather_sleep0"]);

interface Options {
  reps: number;
  nScale: number;
  workloads: string[];
  /** Whether `--workloads` chose them (else flatness skips the huge ones). */
  workloadsGiven: boolean;
  impls: string[] | undefined;
  nodeMod: string;
  modes: Set<"throughput" | "flatness" | "memory">;
  flatSmall: number;
  flatLarge: number;
  memoryCount: number;
  /** The least warm-up time of the JavaScript runners, if not theirs. */
  warmupSeconds: number | undefined;
  json: string | undefined;
  /** The interpreter of the `asyncio` baseline. */
  python: string;
}

interface Impl {
  key: string;
  /** The workloads it runs, if not all (the generator-task variants). */
  only?: ReadonlySet<string>;
  /** The command for a workload run (extra args appended). */
  command(workload: string, n: number, extra: string[]): string[];
  /** The command for the memory mode. */
  memory(count: number): string[];
}

/** One parsed JSON line from a runner, plus how the process ended. */
interface Line {
  workload?: string;
  memory?: string;
  impl?: string;
  ops?: number;
  seconds?: number;
  "ops_per_sec"?: number;
  "bytes_per_object"?: number;
  skipped?: boolean;
  ok?: boolean;
  error?: string;
}

interface Sample {
  rep: number;
  impl: string;
  label: string;
  workload: string;
  n: number;
  opsPerSec: number;
  seconds: number;
  status: "ok" | "skipped" | "wrong" | "failed";
  error?: string;
}

const USAGE = `usage: deno task bench:compare [options]
  --reps R            repetitions (default 5)
  --n-scale F         multiply every workload's N by F (default 1)
  --workloads a,b     workloads to run (default all): ${
  Object.keys(WORKLOADS).join(", ")
}
  --impls a,b         deno, deno-gen, node, node-gen, asyncio, uvloop,
                      asyncio-debian (default: all available except
                      asyncio-debian); *-gen run the workloads with tasks
                      (${
  [...Object.keys(GENERATOR_VARIANTS)].join(", ")
}) with generator tasks
  --node-mod PATH     the npm build's mod.js (default npm/esm/mod.js)
  --throughput        the throughput tables (the default mode)
  --flatness          per-op time at --flat-small vs --flat-large N (asyncio-ts;
                      gather_sleep0 and floor_pingpong only if --workloads
                      names them)
  --flat-small N      default 10000
  --flat-large N      default 1000000
  --memory            bytes per pending Handle, Future, Task
  --memory-count N    live objects per measurement (default 100000)
  --warmup-seconds S  least warm-up time of the JavaScript runs (default 1;
                      0 = one warm-up run of the same size)
  --json FILE         also write every sample to FILE
  --python PATH       the interpreter of the asyncio baseline (default
                      python3; eager_done needs 3.12+, e.g.
                      /root/.pyenv/versions/3.13.0/bin/python3)`;

function parseArgs(args: string[]): Options {
  const options: Options = {
    reps: 5,
    nScale: 1,
    workloads: Object.keys(WORKLOADS),
    workloadsGiven: false,
    impls: undefined,
    nodeMod: "npm/esm/mod.js",
    modes: new Set(),
    flatSmall: 10_000,
    flatLarge: 1_000_000,
    memoryCount: 100_000,
    warmupSeconds: undefined,
    json: undefined,
    python: "python3",
  };
  const value = (i: number, flag: string): string => {
    const text = args[i];
    if (text === undefined) throw new TypeError(`${flag} needs a value`);
    return text;
  };
  const positive = (text: string, flag: string): number => {
    const number = Number(text);
    if (!(number > 0)) {
      throw new RangeError(`Expected ${flag} to be positive, got ${text}`);
    }
    return number;
  };
  for (let i = 0; i < args.length; i++) {
    let arg = args[i]!;
    let inline: string | undefined;
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const next = () => inline ?? value(++i, arg);
    switch (arg) {
      case "--reps":
        options.reps = Math.round(positive(next(), arg));
        break;
      case "--n-scale":
        options.nScale = positive(next(), arg);
        break;
      case "--workloads":
        options.workloads = next().split(",").filter(Boolean);
        options.workloadsGiven = true;
        for (const name of options.workloads) {
          if (!(name in WORKLOADS)) {
            throw new RangeError(`Unknown workload ${JSON.stringify(name)}`);
          }
        }
        break;
      case "--impls":
        options.impls = next().split(",").filter(Boolean);
        break;
      case "--node-mod":
        options.nodeMod = next();
        break;
      case "--throughput":
      case "--flatness":
      case "--memory":
        options.modes.add(arg.slice(2) as "throughput" | "flatness" | "memory");
        break;
      case "--flat-small":
        options.flatSmall = Math.round(positive(next(), arg));
        break;
      case "--flat-large":
        options.flatLarge = Math.round(positive(next(), arg));
        break;
      case "--warmup-seconds":
        options.warmupSeconds = Number(next());
        if (!(options.warmupSeconds >= 0)) {
          throw new RangeError(`${arg} expects seconds`);
        }
        break;
      case "--memory-count":
        options.memoryCount = Math.round(positive(next(), arg));
        break;
      case "--json":
        options.json = next();
        break;
      case "--python":
        options.python = next();
        break;
      case "-h":
      case "--help":
        console.log(USAGE);
        Deno.exit(0);
        break;
      default:
        throw new TypeError(`Unknown option ${arg}\n${USAGE}`);
    }
  }
  if (options.modes.size === 0) options.modes.add("throughput");
  return options;
}

async function run(
  argv: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const [program, ...args] = argv;
  const output = await new Deno.Command(program!, {
    args,
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1", PYTHONHASHSEED: "0" },
  }).output();
  const decoder = new TextDecoder();
  return {
    code: output.code,
    stdout: decoder.decode(output.stdout),
    stderr: decoder.decode(output.stderr),
  };
}

async function succeeds(argv: string[]): Promise<boolean> {
  try {
    return (await run(argv)).code === 0;
  } catch {
    return false;
  }
}

function jsonLines(stdout: string): Line[] {
  const lines: Line[] = [];
  for (const text of stdout.split("\n")) {
    if (!text.startsWith("{")) continue;
    try {
      lines.push(JSON.parse(text) as Line);
    } catch {
      // Not one of ours.
    }
  }
  return lines;
}

async function availableImpls(options: Options): Promise<Impl[]> {
  const deno = Deno.execPath();
  const nodeMod = options.nodeMod;
  const python = options.python;
  // The same runners with generator tasks (`--tasks generator`): only the
  // workloads that have tasks differ.
  const withGenerators = (impl: Impl): Impl => ({
    key: `${impl.key}-gen`,
    only: GENERATOR_WORKLOADS,
    command: (w, n, extra) =>
      impl.command(w, n, ["--tasks", "generator", ...extra]),
    memory: impl.memory,
  });
  const all: Record<string, Impl> = {
    deno: {
      key: "deno",
      command: (w, n, extra) => [
        deno,
        "run",
        "-A",
        "bench/workloads.ts",
        w,
        String(n),
        ...extra,
      ],
      memory: (count) => [
        deno,
        "run",
        "-A",
        "--v8-flags=--expose-gc",
        "bench/workloads.ts",
        "memory",
        String(count),
      ],
    },
    node: {
      key: "node",
      command: (w, n, extra) => [
        "node",
        "bench/node_workloads.mjs",
        nodeMod,
        w,
        String(n),
        ...extra,
      ],
      memory: (count) => [
        "node",
        "--expose-gc",
        "bench/node_workloads.mjs",
        nodeMod,
        "memory",
        String(count),
      ],
    },
    asyncio: {
      key: "asyncio",
      command: (w, n, extra) => [
        python,
        "bench/asyncio_workloads.py",
        w,
        String(n),
        ...extra,
      ],
      memory: (count) => [
        python,
        "bench/asyncio_workloads.py",
        "memory",
        String(count),
      ],
    },
    uvloop: {
      key: "uvloop",
      command: (w, n, extra) => [
        "/usr/bin/python3",
        "bench/asyncio_workloads.py",
        w,
        String(n),
        "--uvloop",
        ...extra,
      ],
      memory: (count) => [
        "/usr/bin/python3",
        "bench/asyncio_workloads.py",
        "memory",
        String(count),
        "--uvloop",
      ],
    },
    "asyncio-debian": {
      key: "asyncio-debian",
      command: (w, n, extra) => [
        "/usr/bin/python3",
        "bench/asyncio_workloads.py",
        w,
        String(n),
        ...extra,
      ],
      memory: (count) => [
        "/usr/bin/python3",
        "bench/asyncio_workloads.py",
        "memory",
        String(count),
      ],
    },
  };
  all["deno-gen"] = withGenerators(all.deno!);
  all["node-gen"] = withGenerators(all.node!);
  const available: Record<string, () => Promise<boolean>> = {
    deno: () => Promise.resolve(true),
    node: async () => {
      try {
        await Deno.stat(new URL(nodeMod, `file://${ROOT}`));
      } catch {
        return false;
      }
      return await succeeds(["node", "--version"]);
    },
    asyncio: () => succeeds([python, "-c", "import asyncio"]),
    "deno-gen": () => Promise.resolve(true),
    "node-gen": () => available.node!(),
    uvloop: () => succeeds(["/usr/bin/python3", "-c", "import uvloop"]),
    "asyncio-debian": () => succeeds(["/usr/bin/python3", "-c", "import sys"]),
  };
  const wanted = options.impls ??
    ["deno", "deno-gen", "node", "node-gen", "asyncio", "uvloop"];
  const impls: Impl[] = [];
  for (const key of wanted) {
    const impl = all[key];
    if (impl === undefined) throw new RangeError(`Unknown impl ${key}`);
    if (await available[key]!()) impls.push(impl);
    else if (options.impls !== undefined) {
      throw new Error(`Implementation ${key} is not available`);
    } else console.error(`(skipping ${key}: not available)`);
  }
  return impls;
}

async function measure(
  impl: Impl,
  workload: string,
  n: number,
  rep: number,
  extra: string[] = [],
): Promise<Sample> {
  const result = await run(impl.command(workload, n, extra));
  const line = jsonLines(result.stdout).find((l) => l.workload === workload);
  const sample: Sample = {
    rep,
    impl: impl.key,
    label: line?.impl ?? impl.key,
    workload,
    n,
    opsPerSec: line?.ops_per_sec ?? NaN,
    seconds: line?.seconds ?? NaN,
    status: "ok",
  };
  if (line?.skipped) sample.status = "skipped";
  else if (line !== undefined && line.ok === false) {
    sample.status = "wrong";
    sample.error = line.error ?? "self-check failed";
  } else if (result.code !== 0 || line === undefined) {
    sample.status = "failed";
    sample.error = result.stderr.trim().split("\n").slice(-3).join(" | ") ||
      `exit ${result.code}`;
  }
  return sample;
}

// --- statistics and formatting ---------------------------------------------

function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? sorted[mid]!
    : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function range(values: number[]): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length === 0
    ? [NaN, NaN]
    : [Math.min(...finite), Math.max(...finite)];
}

function rate(value: number): string {
  if (!Number.isFinite(value)) return "—";
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(0)}k`;
  return value.toFixed(0);
}

function times(value: number): string {
  if (!Number.isFinite(value)) return "—";
  return value >= 10 ? `${value.toFixed(0)}×` : `${value.toFixed(2)}×`;
}

function percent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(0)}%` : "—";
}

function count(value: number): string {
  return value.toLocaleString("en-US");
}

function table(header: string[], align: string[], rows: string[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `|${
      align.map((a) => (a === "r" ? "---:" : a === "c" ? ":-:" : "---")).join(
        "|",
      )
    }|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

function note(samples: Sample[]): string {
  if (samples.some((s) => s.status === "wrong")) return " ✗";
  if (samples.some((s) => s.status === "failed")) return " (failed)";
  return "";
}

function labelOf(samples: Sample[], key: string): string {
  return samples.find((s) => s.impl === key && s.label !== key)?.label ?? key;
}

/** Whether `key` is one of asyncio-ts's runners (Deno, Node, generators). */
function isOurs(key: string): boolean {
  return key === "deno" || key === "node" || key === "deno-gen" ||
    key === "node-gen";
}

// --- modes -------------------------------------------------------------------

async function throughput(options: Options, impls: Impl[]): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let rep = 0; rep < options.reps; rep++) {
    for (const workload of options.workloads) {
      const n = Math.max(
        1,
        Math.round(WORKLOADS[workload]!.n * options.nScale),
      );
      const order = impls.map((_, i) => impls[(i + rep) % impls.length]!);
      for (const impl of order) {
        if (impl.only !== undefined && !impl.only.has(workload)) continue;
        if (NO_LOOP.has(workload) && !isOurs(impl.key)) continue;
        const extra = options.warmupSeconds !== undefined && isOurs(impl.key)
          ? ["--warmup-seconds", String(options.warmupSeconds)]
          : [];
        const sample = await measure(impl, workload, n, rep, extra);
        samples.push(sample);
        console.error(
          `rep ${rep + 1}/${options.reps} ${workload} ${sample.label}: ${
            sample.status === "ok"
              ? `${rate(sample.opsPerSec)} ops/s`
              : `${sample.status} ${sample.error ?? ""} ${
                rate(sample.opsPerSec)
              }`
          }`,
        );
      }
    }
  }
  return samples;
}

/** Paired ratios impl ÷ baseline, one per repetition both measured. */
function pairedRatios(
  samples: Sample[],
  workload: string,
  key: string,
): number[] {
  const ratios: number[] = [];
  const reps = new Set(samples.map((s) => s.rep));
  for (const rep of reps) {
    const pick = (k: string) =>
      samples.find((s) =>
        s.rep === rep && s.workload === workload && s.impl === k &&
        (s.status === "ok" || s.status === "wrong")
      );
    const a = pick(key), b = pick(BASELINE);
    if (a !== undefined && b !== undefined) {
      ratios.push(a.opsPerSec / b.opsPerSec);
    }
  }
  return ratios;
}

/**
 * Paired ratios `await_pingpong` ÷ `floor_pingpong` on runner `key`, one per
 * repetition both ran in.
 */
function floorRatios(samples: Sample[], key: string): number[] {
  const ratios: number[] = [];
  const reps = new Set(samples.map((s) => s.rep));
  for (const rep of reps) {
    const pick = (workload: string) =>
      samples.find((s) =>
        s.rep === rep && s.workload === workload && s.impl === key &&
        (s.status === "ok" || s.status === "wrong")
      );
    const a = pick(FLOORED), b = pick(FLOOR);
    if (a !== undefined && b !== undefined) {
      ratios.push(a.opsPerSec / b.opsPerSec);
    }
  }
  return ratios;
}

function reportThroughput(
  options: Options,
  impls: Impl[],
  samples: Sample[],
): string {
  const out: string[] = [];
  const keys = impls.map((i) => i.key);
  const labels = keys.map((k) => labelOf(samples, k));
  const of = (workload: string, key: string) =>
    samples.filter((s) => s.workload === workload && s.impl === key);
  const valid = (list: Sample[]) =>
    list.filter((s) => s.status === "ok" || s.status === "wrong");

  out.push(
    `### Median ops/s over ${options.reps} repetitions (min–max in brackets)`,
    "",
  );
  out.push(table(
    ["workload", "N", ...labels],
    ["l", "r", ...keys.map(() => "r")],
    options.workloads.map((w) => {
      const n = Math.max(1, Math.round(WORKLOADS[w]!.n * options.nScale));
      return [
        w,
        count(n),
        ...keys.map((k) => {
          const list = of(w, k);
          if (list.length === 0) {
            return NO_LOOP.has(w) && !isOurs(k) ? "n/a" : "—";
          }
          if (list.length > 0 && list.every((s) => s.status === "skipped")) {
            return "skipped";
          }
          const values = valid(list).map((s) => s.opsPerSec);
          const [lo, hi] = range(values);
          return `${rate(median(values))} [${rate(lo)}–${rate(hi)}]${
            note(list)
          }`;
        }),
      ];
    }),
  ));
  // The floor has no asyncio counterpart: no ratio to it, no target.
  const paired = options.workloads.filter((w) => !NO_LOOP.has(w));
  if (keys.includes(BASELINE) && paired.length > 0) {
    const others = keys.filter((k) => k !== BASELINE);
    out.push(
      "",
      `### Ratio to ${
        labelOf(samples, BASELINE)
      }, paired within each repetition: median [min–max]`,
      "",
    );
    out.push(table(
      ["workload", ...others.map((k) => labelOf(samples, k)), "target"],
      ["l", ...others.map(() => "r"), "r"],
      paired.map((w) => [
        w,
        ...others.map((k) => {
          const ratios = pairedRatios(samples, w, k);
          if (ratios.length === 0) {
            return of(w, k).some((s) => s.status === "skipped")
              ? "skipped"
              : "—";
          }
          const [lo, hi] = range(ratios);
          return `${times(median(ratios))} [${times(lo)}–${times(hi)}]${
            note(of(w, k))
          }`;
        }),
        targetLabel(w),
      ]),
    ));
    const ours = keys.filter((k) => isOurs(k));
    const targeted = paired.filter((w) => w in TARGETS);
    if (ours.length > 0 && targeted.length > 0) {
      out.push("", "### Targets (issue 5), median paired ratio", "");
      out.push(table(
        [
          "workload",
          "target",
          ...ours.flatMap((k) => [labelOf(samples, k), "met?"]),
          "gap (deno)",
        ],
        ["l", "r", ...ours.flatMap(() => ["r", "c"]), "r"],
        targeted.map((w) => {
          const cells: string[] = [];
          let gap = "—";
          for (const k of ours) {
            const ratio = median(pairedRatios(samples, w, k));
            const bad = of(w, k).some((s) => s.status !== "ok");
            if (!Number.isFinite(ratio)) {
              cells.push(
                "—",
                of(w, k).some((s) => s.status === "skipped") ? "skipped" : "—",
              );
              continue;
            }
            const target = targetOf(w, k);
            const met = ratio >= target && !bad;
            cells.push(times(ratio), met ? "✓" : "✗");
            if (k === "deno") {
              gap = met ? "—" : `needs ${times(target / ratio)} faster`;
            }
          }
          return [w, targetLabel(w), ...cells, gap];
        }),
      ));
    }
  }
  const floored = keys.filter((k) =>
    (k === "deno" || k === "node") && of(FLOOR, k).length > 0 &&
    of(FLOORED, k).length > 0
  );
  if (floored.length > 0) {
    out.push(
      "",
      `### ${FLOORED} (async function tasks) as a share of the floor (${FLOOR}: the same players, no loop), paired within each repetition: median [min–max]`,
      "",
    );
    const shares: string[] = [];
    out.push(table(
      ["impl", FLOOR, FLOORED, "share", "target", "met?"],
      ["l", "r", "r", "r", "r", "c"],
      floored.map((k) => {
        const ratios = floorRatios(samples, k);
        const ratio = median(ratios);
        const [lo, hi] = range(ratios);
        const bad = [...of(FLOOR, k), ...of(FLOORED, k)].some((s) =>
          s.status !== "ok"
        );
        const label = labelOf(samples, k);
        shares.push(
          `${percent(ratio)} (${k === "deno" ? "Deno" : "Node"})`,
        );
        return [
          label,
          rate(median(valid(of(FLOOR, k)).map((s) => s.opsPerSec))),
          rate(median(valid(of(FLOORED, k)).map((s) => s.opsPerSec))),
          Number.isFinite(ratio)
            ? `${percent(ratio)} [${percent(lo)}–${percent(hi)}]`
            : "—",
          `≥ ${percent(FLOOR_TARGET)}`,
          Number.isFinite(ratio) && ratio >= FLOOR_TARGET && !bad ? "✓" : "✗",
        ];
      }),
    ));
    out.push("", `${FLOORED} / floor: ${shares.join(", ")}`);
  }
  const problems = samples.filter((s) =>
    s.status === "wrong" || s.status === "failed"
  );
  if (problems.length > 0) {
    out.push("", "Self-check failures (✗) and failed runs:", "");
    const seen = new Set<string>();
    for (const s of problems) {
      const text = `- ${s.workload} on ${s.label}: ${s.status}: ${s.error}`;
      if (!seen.has(text)) out.push(text);
      seen.add(text);
    }
  }
  return out.join("\n");
}

async function flatness(
  options: Options,
  impls: Impl[],
): Promise<{ samples: Sample[]; report: string }> {
  const ours = impls.filter((i) => isOurs(i.key) && i.only === undefined);
  const samples: Sample[] = [];
  const small = options.flatSmall, large = options.flatLarge;
  const workloads = options.workloads.filter((w) =>
    options.workloadsGiven || (!FLATNESS_HUGE.has(w) && !NO_LOOP.has(w))
  );
  for (let rep = 0; rep < options.reps; rep++) {
    for (const workload of workloads) {
      for (const impl of ours) {
        for (const n of rep % 2 === 0 ? [small, large] : [large, small]) {
          // Small runs are short: time several (median) after warming up
          // with as many operations as one large run would do.
          const extra = n < large
            ? ["--runs", "15", "--warmup-ops", String(large)]
            : [];
          const sample = await measure(impl, workload, n, rep, extra);
          samples.push(sample);
          console.error(
            `flatness rep ${
              rep + 1
            }/${options.reps} ${workload} ${sample.label} N=${n}: ${
              sample.status === "ok"
                ? `${(1e9 / sample.opsPerSec).toFixed(0)} ns/op`
                : sample.status
            }`,
          );
        }
      }
    }
  }
  const rows: string[][] = [];
  for (const workload of workloads) {
    for (const impl of ours) {
      const pick = (n: number) =>
        samples.filter((s) =>
          s.workload === workload && s.impl === impl.key && s.n === n &&
          s.status === "ok"
        );
      const perOp = (list: Sample[]) => list.map((s) => 1e9 / s.opsPerSec);
      const a = pick(small), b = pick(large);
      if (a.length === 0 || b.length === 0) {
        const skipped = samples.some((s) =>
          s.workload === workload && s.impl === impl.key &&
          s.status === "skipped"
        );
        rows.push([
          workload,
          labelOf(samples, impl.key),
          "—",
          "—",
          "—",
          skipped ? "skipped" : "failed",
        ]);
        continue;
      }
      const ratios: number[] = [];
      for (const s of b) {
        const partner = a.find((x) => x.rep === s.rep);
        if (partner) ratios.push(partner.opsPerSec / s.opsPerSec);
      }
      const ratio = median(ratios);
      const [lo, hi] = range(ratios);
      rows.push([
        workload,
        labelOf(samples, impl.key),
        `${median(perOp(a)).toFixed(0)} ns`,
        `${median(perOp(b)).toFixed(0)} ns`,
        `${times(ratio)} [${times(lo)}–${times(hi)}]`,
        ratio <= FLATNESS_LIMIT ? "✓" : "✗",
      ]);
    }
  }
  const report = [
    `### Flatness: time per operation at N = ${count(small)} vs N = ${
      count(large)
    } (median of ${options.reps}; limit ${FLATNESS_LIMIT}×)`,
    "",
    table(
      [
        "workload",
        "impl",
        `per op, N=${count(small)}`,
        `per op, N=${count(large)}`,
        "ratio [min–max]",
        `≤ ${FLATNESS_LIMIT}×`,
      ],
      ["l", "l", "r", "r", "r", "c"],
      rows,
    ),
  ].join("\n");
  return { samples, report };
}

async function memory(
  options: Options,
  impls: Impl[],
): Promise<{ lines: Line[]; report: string }> {
  const lines: Line[] = [];
  const reps = Math.min(options.reps, 3);
  // The generator variants share their runner's memory command, which
  // measures generator tasks too (the `task-gen` lines).
  impls = impls.filter((i) => i.only === undefined);
  for (let rep = 0; rep < reps; rep++) {
    for (const impl of impls) {
      const result = await run(impl.memory(options.memoryCount));
      const got = jsonLines(result.stdout).filter((l) => l.memory);
      if (got.length === 0) {
        console.error(`memory ${impl.key}: failed: ${result.stderr.trim()}`);
      }
      for (const line of got) {
        lines.push({ ...line, workload: impl.key });
        console.error(
          `memory rep ${
            rep + 1
          }/${reps} ${line.impl} ${line.memory}: ${line.bytes_per_object} B`,
        );
      }
    }
  }
  const keys = impls.map((i) => i.key);
  const label = (k: string) => lines.find((l) => l.workload === k)?.impl ?? k;
  const bytes = (k: string, kind: string) =>
    median(
      lines.filter((l) => l.workload === k && l.memory === kind).map((l) =>
        l.bytes_per_object ?? NaN
      ),
    );
  const kinds = ["handle", "future", "task", "task-gen"];
  if (lines.some((l) => l.memory === "queue-get")) {
    kinds.push("queue-get", "queue-get-gen");
  }
  // asyncio has one kind of task to compare both of ours with.
  const asyncioKind = (kind: string) =>
    kind.endsWith("-gen") ? kind.slice(0, -4) : kind;
  const rows = kinds.map((kind) => {
    const base = bytes(BASELINE, asyncioKind(kind));
    const ours = bytes("deno", kind);
    return [
      {
        handle: "pending Handle",
        future: "pending Future",
        task: "Task (async function)",
        "task-gen": "Task (generator)",
        "queue-get": "Task waiting in Queue.get() (async function)",
        "queue-get-gen": "Task waiting in Queue.get() (generator)",
      }[kind]!,
      ...keys.map((k) => {
        const b = bytes(k, isOurs(k) ? kind : asyncioKind(kind));
        return Number.isFinite(b) ? `${b.toFixed(0)} B` : "—";
      }),
      times(ours / base),
      ours < base ? "✓" : "✗",
    ];
  });
  const report = [
    `### Memory per live object (${
      count(options.memoryCount)
    } objects; V8 heapUsed after full GCs, Python tracemalloc; median of ${reps})`,
    "",
    table(
      ["object", ...keys.map(label), "deno ÷ asyncio", "lower?"],
      ["l", ...keys.map(() => "r"), "r", "c"],
      rows,
    ),
    "",
    "Handle: a pending `callSoon(noop)`, held by the ready queue only (its " +
    "queue slot counted). Future: a pending future without callbacks, in a " +
    "preallocated array (slot counted). Task: a task suspended on a shared " +
    "pending future, its await registration counted: an `async` function " +
    "awaiting it, or a generator doing `yield* shared` (asyncio's row " +
    "repeats its one kind of task). Task waiting in Queue.get(): the same " +
    "task suspended in `get()` on one empty queue, its getter future and " +
    "its place among the queue's getters counted.",
  ].join("\n");
  return { lines, report };
}

async function describeMachine(
  impls: Impl[],
  python: string,
): Promise<string> {
  const text = async (argv: string[]) => {
    try {
      const r = await run(argv);
      return (r.stdout || r.stderr).trim().split("\n")[0] ?? "";
    } catch {
      return "";
    }
  };
  let cpu = "";
  try {
    cpu = (await Deno.readTextFile("/proc/cpuinfo")).match(
      /model name\s*:\s*(.*)/,
    )?.[1] ?? "";
  } catch {
    // Not Linux.
  }
  const parts = [
    `date: ${new Date().toISOString()}`,
    `machine: ${cpu || "?"}, ${navigator.hardwareConcurrency} CPUs, load ${
      Deno.loadavg().map((x) => x.toFixed(2)).join(" ")
    }`,
    `deno: ${Deno.version.deno} (V8 ${Deno.version.v8})`,
  ];
  const keys = impls.map((i) => i.key);
  if (keys.includes("node")) parts.push(`node: ${await text(["node", "-v"])}`);
  if (keys.includes("asyncio")) {
    parts.push(
      `asyncio: ${await text([python, "--version"])} (${python})`,
    );
  }
  if (keys.includes("uvloop") || keys.includes("asyncio-debian")) {
    parts.push(
      `uvloop / asyncio-debian: /usr/bin/python3 ${await text([
        "/usr/bin/python3",
        "-c",
        "import platform, sys\ntry:\n import uvloop; v = uvloop.__version__\nexcept ImportError:\n v = 'none'\nprint(platform.python_version(), 'uvloop', v)",
      ])}`,
    );
  }
  return parts.map((p) => `- ${p}`).join("\n");
}

async function main(): Promise<void> {
  const options = parseArgs(Deno.args);
  const impls = await availableImpls(options);
  const started = performance.now();
  const header = await describeMachine(impls, options.python);
  const warmup = options.warmupSeconds === undefined
    ? "at least 1 s of warm-up runs (and one of full size) before each timed JavaScript run"
    : options.warmupSeconds === 0
    ? "one full-size warm-up run before each timed JavaScript run"
    : `at least ${options.warmupSeconds} s of warm-up runs before each timed JavaScript run`;
  const sections: string[] = [`${header}\n- warm-up: ${warmup}`];
  const record: Record<string, unknown> = {
    options: { ...options, modes: [...options.modes] },
  };
  if (options.modes.has("throughput")) {
    const samples = await throughput(options, impls);
    record.throughput = samples;
    sections.push(reportThroughput(options, impls, samples));
  }
  if (options.modes.has("flatness")) {
    const { samples, report } = await flatness(options, impls);
    record.flatness = samples;
    sections.push(report);
  }
  if (options.modes.has("memory")) {
    const { lines, report } = await memory(options, impls);
    record.memory = lines;
    sections.push(report);
  }
  sections.push(
    `(took ${
      ((performance.now() - started) / 1000).toFixed(0)
    } s; load at end ${Deno.loadavg().map((x) => x.toFixed(2)).join(" ")})`,
  );
  console.log(sections.join("\n\n"));
  if (options.json !== undefined) {
    await Deno.writeTextFile(
      options.json,
      JSON.stringify(record, null, 2) + "\n",
    );
  }
}

if (import.meta.main) await main();
