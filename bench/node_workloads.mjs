// Runs one benchmark workload of issue 5 under Node, on the npm build:
//
//   node bench/node_workloads.mjs <path/to/mod.js> <workload> [N] [--runs K] [--warmup-ops W]
//   node --expose-gc bench/node_workloads.mjs <path/to/mod.js> memory [COUNT]
//
// Same bodies (./_workloads.mjs) and same JSON line as bench/workloads.ts,
// with "impl": "asyncio-ts/node". A wrong result exits 1.

import { resolve } from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { runCli, WORKLOADS } from "./_workloads.mjs";

const USAGE =
  `usage: node bench/node_workloads.mjs <mod.js> <workload> [N] [--runs K] [--warmup-ops W]
         [--warmup-seconds S] [--tasks async|generator]
       node --expose-gc bench/node_workloads.mjs <mod.js> memory [COUNT]
workloads: ${Object.keys(WORKLOADS).join(", ")}`;

/** @param {string[]} args */
async function main(args) {
  const [modPath, ...rest] = args;
  if (modPath === undefined || modPath.startsWith("-")) {
    console.log(USAGE);
    return modPath === undefined ? 2 : 0;
  }
  return await runCli(rest, {
    lib: await import(pathToFileURL(resolve(modPath)).href),
    impl: "asyncio-ts/node",
    usage: USAGE,
    gcHint: "node --expose-gc",
    heapUsed: () => process.memoryUsage().heapUsed,
  });
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
