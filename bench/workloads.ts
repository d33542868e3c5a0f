/**
 * Runs one benchmark workload of issue 5 under Deno, on ../mod.ts (through
 * ./impl.ts), and prints one JSON line:
 *
 * ```sh
 * deno run -A bench/workloads.ts <workload> [N] [--runs K] [--warmup-ops W]
 * deno run -A --v8-flags=--expose-gc bench/workloads.ts memory [COUNT]
 * ```
 *
 * `{"workload": ..., "impl": "asyncio-ts/deno", "ops": N, "seconds": S,
 * "ops_per_sec": R}`. One warm-up run of the same size comes first (more if
 * `--warmup-ops` asks for more operations). A wrong result exits 1; a
 * workload the library cannot run yet prints `"skipped": true` and exits 0.
 *
 * @module
 */

import * as lib from "./impl.ts";
import { printMemory, runWorkload, WORKLOADS } from "./_workloads.mjs";

const IMPL = "asyncio-ts/deno";
const USAGE =
  `usage: deno run -A bench/workloads.ts <workload> [N] [--runs K] [--warmup-ops W]
       deno run -A --v8-flags=--expose-gc bench/workloads.ts memory [COUNT]
workloads: ${Object.keys(WORKLOADS).join(", ")}`;

function parseCount(text: string | undefined, what: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(
      `Expected ${what} to be a positive integer, got ${text}`,
    );
  }
  return value;
}

async function main(args: string[]): Promise<number> {
  const positional: string[] = [];
  let runs: number | undefined;
  let warmupOps: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--runs") runs = parseCount(args[++i], "--runs");
    else if (arg === "--warmup-ops") {
      warmupOps = parseCount(args[++i], "--warmup-ops");
    } else if (arg === "-h" || arg === "--help") {
      console.log(USAGE);
      return 0;
    } else positional.push(arg);
  }
  const [name, size] = positional;
  if (name === undefined) {
    console.error(USAGE);
    return 2;
  }
  if (name === "memory") {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc === undefined) {
      console.error("memory needs --v8-flags=--expose-gc");
      return 2;
    }
    const count = size === undefined ? 100_000 : parseCount(size, "COUNT");
    await printMemory(lib, IMPL, {
      count,
      gc,
      heapUsed: () => Deno.memoryUsage().heapUsed,
    });
    return 0;
  }
  const options: { n?: number; runs?: number; warmupOps?: number } = {};
  if (size !== undefined) options.n = parseCount(size, "N");
  if (runs !== undefined) options.runs = runs;
  if (warmupOps !== undefined) options.warmupOps = warmupOps;
  const result = await runWorkload(lib, IMPL, name, options);
  console.log(JSON.stringify(result));
  if (result.ok === false) {
    console.error(result.error);
    return 1;
  }
  return 0;
}

try {
  Deno.exitCode = await main(Deno.args);
} catch (error) {
  console.error(error);
  Deno.exitCode = 1;
}
