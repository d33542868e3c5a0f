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
import { runCli, WORKLOADS } from "./_workloads.mjs";

const USAGE =
  `usage: deno run -A bench/workloads.ts <workload> [N] [--runs K] [--warmup-ops W]
         [--warmup-seconds S] [--tasks async|generator]
       deno run -A --v8-flags=--expose-gc bench/workloads.ts memory [COUNT]
workloads: ${Object.keys(WORKLOADS).join(", ")}`;

try {
  Deno.exitCode = await runCli(Deno.args, {
    lib,
    impl: "asyncio-ts/deno",
    usage: USAGE,
    gcHint: "--v8-flags=--expose-gc",
    heapUsed: () => Deno.memoryUsage().heapUsed,
  });
} catch (error) {
  console.error(error);
  Deno.exitCode = 1;
}
