import assert from "node:assert/strict";

const root = new URL("../../", import.meta.url);

Deno.test("a top-level await sleep(3600) with no loop running fails at once with the message that says how to run it", async () => {
  const started = performance.now();
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", "tests/integration/fixtures/top_level_sleep.ts"],
    cwd: root,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const elapsed = performance.now() - started;
  const errors = new TextDecoder().decode(stderr);
  assert.equal(code, 1, errors);
  assert.equal(new TextDecoder().decode(stdout), "");
  assert.match(
    errors,
    /Error: sleep\(\) needs a running event loop: call it from code run by run\(main\) or loop\.runUntilComplete\(main\)/,
  );
  assert.doesNotMatch(errors, /never resolved/);
  // At once, not after the hour it asked for (Deno's start included).
  assert.ok(elapsed < 30_000, `took ${elapsed} ms`);
});
