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
import { printMemory, runWorkload, WORKLOADS } from "./_workloads.mjs";

const IMPL = "asyncio-ts/node";
const USAGE =
  `usage: node bench/node_workloads.mjs <mod.js> <workload> [N] [--runs K] [--warmup-ops W]
       node --expose-gc bench/node_workloads.mjs <mod.js> memory [COUNT]
workloads: ${Object.keys(WORKLOADS).join(", ")}`;

/**
 * @param {string | undefined} text
 * @param {string} what
 */
function parseCount(text, what) {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(
      `Expected ${what} to be a positive integer, got ${text}`,
    );
  }
  return value;
}

/** @param {string[]} args */
async function main(args) {
  /** @type {string[]} */
  const positional = [];
  /** @type {{ n?: number, runs?: number, warmupOps?: number }} */
  const options = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--runs") options.runs = parseCount(args[++i], "--runs");
    else if (arg === "--warmup-ops") {
      options.warmupOps = parseCount(args[++i], "--warmup-ops");
    } else if (arg === "-h" || arg === "--help") {
      console.log(USAGE);
      return 0;
    } else positional.push(String(arg));
  }
  const [modPath, name, size] = positional;
  if (modPath === undefined || name === undefined) {
    console.error(USAGE);
    return 2;
  }
  const lib = await import(pathToFileURL(resolve(modPath)).href);
  if (name === "memory") {
    const gc = /** @type {{ gc?: () => void }} */ (globalThis).gc;
    if (gc === undefined) {
      console.error("memory needs node --expose-gc");
      return 2;
    }
    const count = size === undefined ? 100_000 : parseCount(size, "COUNT");
    await printMemory(lib, IMPL, {
      count,
      gc,
      heapUsed: () => process.memoryUsage().heapUsed,
    });
    return 0;
  }
  if (size !== undefined) options.n = parseCount(size, "N");
  const result = await runWorkload(lib, IMPL, name, options);
  console.log(JSON.stringify(result));
  if (result.ok === false) {
    console.error(result.error);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
