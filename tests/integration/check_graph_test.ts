/**
 * `scripts/check_graph.ts` (`deno task check:graph`) on small synthetic
 * module graphs: it finds a circle that goes through a type-only import and a
 * module over 600 lines, and passes a graph with neither.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(
  new URL("../../scripts/check_graph.ts", import.meta.url),
);

/** `count` lines, each ended by a newline, as `wc -l` counts them. */
function lines(count: number, first: string): string {
  return first + "\n" + "// filler\n".repeat(count - 1);
}

/** Writes `files` into a new temporary directory and runs the script on it. */
async function checkGraph(
  files: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const root = await Deno.makeTempDir({ prefix: "check_graph_test_" });
  try {
    for (const [name, text] of Object.entries(files)) {
      await Deno.writeTextFile(join(root, name), text);
    }
    const output = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-run",
        "--allow-read",
        SCRIPT,
        "--root",
        root,
        ...args,
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const decoder = new TextDecoder();
    return {
      code: output.code,
      stdout: decoder.decode(output.stdout),
      stderr: decoder.decode(output.stderr),
    };
  } finally {
    await Deno.remove(root, { recursive: true });
  }
}

Deno.test("check_graph reports a circle through a type import and a long module", async () => {
  const { code, stdout, stderr } = await checkGraph({
    "mod.ts": 'export { a } from "./a.ts";\n',
    "a.ts": 'import { b } from "./b.ts";\nimport { big } from "./big.ts";\n' +
      "export const a = b + big;\n",
    "b.ts": 'import type { C } from "./c.ts";\nexport const b: C = 1;\n',
    "c.ts": 'import { a } from "./a.ts";\nexport type C = number;\n' +
      "export const c = () => a;\n",
    "big.ts": lines(601, "export const big = 1;"),
  }, "--graph");
  const out = stdout.trimEnd().split("\n");
  assert.equal(code, 1, stdout + stderr);
  assert.ok(out.includes("circle: a.ts -> b.ts -> c.ts -> a.ts"), stdout);
  assert.ok(out.includes("  type-only: b.ts -> c.ts"), stdout);
  assert.ok(
    out.includes("too long: big.ts has 601 lines (at most 600)"),
    stdout,
  );
  assert.ok(out.includes("  * a.ts (3 lines): b.ts, big.ts"), stdout);
  assert.ok(out.includes("  * b.ts (2 lines): type c.ts"), stdout);
  assert.ok(out.includes("    big.ts (601 lines): -"), stdout);
  assert.equal(out.filter((line) => line.startsWith("circle:")).length, 1);
  assert.equal(out.at(-1), "graph: 5 modules, 1 circle, 1 over 600 lines");
});

Deno.test("check_graph passes a graph without circles or long modules", async () => {
  const { code, stdout, stderr } = await checkGraph({
    "mod.ts": 'export { a } from "./a.ts";\nexport { b } from "./b.ts";\n',
    "a.ts": 'import { b } from "./b.ts";\nimport type { C } from "./c.ts";\n' +
      "export const a: C = b;\n",
    "b.ts": lines(600, "export const b = 1;"),
    "c.ts": "export type C = number;\n",
    "unused.ts": 'import { a } from "./a.ts";\nexport const u = a;\n',
  });
  assert.equal(code, 0, stdout + stderr);
  assert.equal(stdout, "graph: 4 modules, 0 circles, 0 over 600 lines\n");
});

Deno.test("check_graph reports a module that imports itself", async () => {
  const { code, stdout } = await checkGraph({
    "mod.ts": 'export { s } from "./s.ts";\n',
    "s.ts": 'import type { T } from "./s.ts";\nexport type T = number;\n' +
      "export const s: T = 1;\n",
  });
  assert.equal(code, 1, stdout);
  assert.ok(stdout.includes("circle: s.ts -> s.ts\n"), stdout);
  assert.ok(
    stdout.endsWith("graph: 2 modules, 1 circle, 0 over 600 lines\n"),
    stdout,
  );
});
