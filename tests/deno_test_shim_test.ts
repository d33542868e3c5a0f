// The Deno.test shapes the portable tests may use. Under Deno this pins down
// Deno's behaviour; in the npm build the same file runs under Node through
// scripts/deno_test_shim.mjs, and must behave the same.
import assert from "node:assert/strict";

const ran: string[] = [];

Deno.test("Deno.test(name, fn) runs fn", () => {
  ran.push("name, fn");
});

Deno.test(function denoTestOfANamedFunction() {
  ran.push("named fn");
});

Deno.test({
  name: "Deno.test(definition) runs definition.fn",
  fn() {
    ran.push("definition");
  },
});

Deno.test("Deno.test(name, options, fn) runs fn", { sanitizeOps: true }, () => {
  ran.push("name, options, fn");
});

Deno.test({ name: "Deno.test(options, fn) runs fn" }, () => {
  ran.push("options, fn");
});

Deno.test({
  name: "Deno.test({ ignore: true }) skips the test",
  ignore: true,
  fn() {
    ran.push("ignored");
  },
});

Deno.test("Deno.test awaits an async test function", async () => {
  await Promise.resolve();
  await null;
  ran.push("async");
});

Deno.test("t.step runs every step shape and reports whether it passed", async (t) => {
  assert.equal(
    t.name,
    "t.step runs every step shape and reports whether it passed",
  );
  assert.equal(t.parent, undefined);
  const steps: string[] = [];
  assert.equal(
    await t.step("step(name, fn)", (s) => {
      assert.equal(s.name, "step(name, fn)");
      assert.equal(s.parent, t);
      steps.push("name, fn");
    }),
    true,
  );
  assert.equal(
    await t.step({
      name: "step(definition)",
      async fn() {
        await Promise.resolve();
        steps.push("definition");
      },
    }),
    true,
  );
  assert.equal(
    await t.step(function stepOfANamedFunction() {
      steps.push("named fn");
    }),
    true,
  );
  assert.equal(
    await t.step({
      name: "step({ ignore: true })",
      ignore: true,
      fn() {
        steps.push("ignored");
      },
    }),
    false,
  );
  await t.step("nested steps", async (s) => {
    await s.step("inner", (inner) => {
      assert.equal(inner.parent, s);
      steps.push("inner");
    });
  });
  assert.deepEqual(steps, [
    "name, fn",
    "definition",
    "named fn",
    "inner",
  ]);
  ran.push("steps");
});

Deno.test("Deno.test runs each test once, in order, skipping ignored ones", () => {
  assert.deepEqual(ran, [
    "name, fn",
    "named fn",
    "definition",
    "name, options, fn",
    "options, fn",
    "async",
    "steps",
  ]);
});
