/**
 * The three examples print what CPython prints for the seed's scripts, as
 * recorded in tests/reference/seed/ (and, where the shared folder is beside
 * the checkout, what it holds), run as a user runs them: no flags.
 *
 * @module
 */

import assert from "node:assert/strict";

const root = new URL("../../", import.meta.url);
const EXAMPLES = ["event_loop", "await", "callback"] as const;

function recorded(name: string): Promise<string> {
  return Deno.readTextFile(
    new URL(`tests/reference/seed/asyncio_future_${name}.expected.txt`, root),
  );
}

function exists(url: URL): boolean {
  try {
    Deno.statSync(url);
    return true;
  } catch {
    return false;
  }
}

for (const name of EXAMPLES) {
  Deno.test(`examples/${name}.ts prints exactly what Python prints (no flags)`, async () => {
    const { stdout, stderr, code } = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--quiet", `examples/${name}.ts`],
      cwd: root,
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).output();
    assert.equal(code, 0, new TextDecoder().decode(stderr));
    assert.equal(new TextDecoder().decode(stdout), await recorded(name));
  });

  const shared = new URL(
    `../shared/seed/asyncio_future_${name}.expected.txt`,
    root,
  );
  Deno.test({
    name: `the recorded output of examples/${name}.ts is the seed's`,
    // A checkout without the shared folder beside it has only the recording.
    ignore: !exists(shared),
    async fn() {
      assert.equal(await recorded(name), await Deno.readTextFile(shared));
    },
  });
}
