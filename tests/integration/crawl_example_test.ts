// examples/crawl.ts as a user runs it: a worker pool crawls the loopback
// site the example serves, with per-page timeouts that abort late fetches;
// and a real SIGINT sent mid-crawl runs every worker's finally block, prints
// the summary and exits with 130.
import assert from "node:assert/strict";

const EXAMPLE = new URL("../../examples/crawl.ts", import.meta.url).pathname;

function crawler(...args: string[]): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", "--allow-net=127.0.0.1", EXAMPLE, ...args],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
}

function stops(out: string): number {
  return out.split("\n").filter((line) => / stops$/.test(line)).length;
}

Deno.test("examples/crawl.ts crawls the demo site: every page fetched or timed out, every worker stops", async () => {
  const { code, stdout, stderr } = await crawler().output();
  const out = new TextDecoder().decode(stdout);
  assert.equal(code, 0, new TextDecoder().decode(stderr));
  assert.match(out, /^crawling from http:\/\/127\.0\.0\.1:\d+\/page\/0/);
  // 20 pages reachable from page 0; the 4 late ones (4, 9, 14, 19) time out.
  assert.match(out, /\nfetched 16 pages, 4 timed out\n$/);
  assert.equal(stops(out), 4);
});

Deno.test("examples/crawl.ts on Ctrl-C: the workers' finally blocks run, the summary prints, exit code 130", async () => {
  // Late pages never answer in time: the crawl waits until interrupted.
  const child = crawler("--late-ms=60000", "--timeout=600");
  const reader = child.stdout.getReader();
  let out = "";
  while (!out.includes("crawling from")) {
    const { value, done } = await reader.read();
    if (done) break;
    out += new TextDecoder().decode(value);
  }
  child.kill("SIGINT");
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    out += new TextDecoder().decode(value);
  }
  const { code } = await child.status;
  await child.stderr.cancel();
  assert.equal(code, 130, out);
  assert.equal(stops(out), 4, out);
  assert.match(out, /\nfetched \d+ pages, 0 timed out\ninterrupted\n$/);
});
