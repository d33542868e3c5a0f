/**
 * The implementation the Deno benchmarks measure: this repository's library.
 * bench/_workloads.mjs receives this module namespace as `lib`; the Node
 * runner (bench/node_workloads.mjs) passes the npm build's `mod.js` instead.
 *
 * @module
 */

export * from "../mod.ts";
