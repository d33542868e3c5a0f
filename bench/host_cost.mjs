// Measures what the library costs unrelated promise code in the same process:
// node bench/host_cost.mjs npm/esm/mod.js   |   deno run -A bench/host_cost.mjs ./mod.ts
// Unrelated promise code's speed: before importing the library, after import,
// while a loop runs an async task, and after run() returned.
async function awaits(n) {
  const t = performance.now();
  for (let i = 0; i < n; i++) await null;
  return n / ((performance.now() - t) / 1000);
}
async function best(label) {
  let b = 0;
  for (let i = 0; i < 5; i++) b = Math.max(b, await awaits(1e6));
  console.log(`${label.padEnd(28)} ${(b / 1e6).toFixed(1)}M awaits/s`);
}
await best("before import");
const lib = await import(
  new URL(process.argv[2], `file://${process.cwd()}/`).href
);
await best("after import");
await lib.run(async () => {
  const task = lib.createTask(async () => {
    await lib.sleep(0);
  });
  await best("during run (async task)");
  await task;
});
await best("after run() returned");
