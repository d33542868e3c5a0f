import assert from "node:assert/strict";

const root = new URL("../../", import.meta.url);
const EXAMPLES = ["event_loop", "await", "callback"] as const;
const SEEDS: Record<(typeof EXAMPLES)[number], string> = {
  "event_loop": "asyncio_future_event_loop",
  await: "asyncio_future_await",
  callback: "asyncio_future_callback",
};

async function run(args: string[]): Promise<{ stdout: string; code: number }> {
  const { stdout, stderr, code } = await new Deno.Command(Deno.execPath(), {
    args,
    cwd: root,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const err = new TextDecoder().decode(stderr);
  if (code !== 0) throw new Error(`deno ${args.join(" ")} failed:\n${err}`);
  return { stdout: new TextDecoder().decode(stdout), code };
}

for (const name of EXAMPLES) {
  Deno.test(`examples/${name}.ts prints exactly what Python prints (no flags)`, async () => {
    const expected = await Deno.readTextFile(
      new URL(`examples/${name}.expected.txt`, root),
    );
    const { stdout } = await run(["run", "--quiet", `examples/${name}.ts`]);
    assert.equal(stdout, expected);
  });

  Deno.test(`examples/${name}.expected.txt is the seed's Python output`, async () => {
    const copy = await Deno.readTextFile(
      new URL(`examples/${name}.expected.txt`, root),
    );
    const script = new URL(
      `tests/reference/seed/${SEEDS[name]}.py`,
      root,
    ).pathname;
    const python = await new Deno.Command("python3", {
      args: [script],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(python.code, 0, new TextDecoder().decode(python.stderr));
    assert.equal(new TextDecoder().decode(python.stdout), copy);
    const shared = new URL(`../shared/seed/${SEEDS[name]}.expected.txt`, root);
    try {
      assert.equal(await Deno.readTextFile(shared), copy);
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
  });
}
