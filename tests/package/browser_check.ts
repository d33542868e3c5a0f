// The built ES module in a real browser. Run after `deno task build:npm`:
//
//   deno test -A tests/package/browser_check.ts
//
// Serves npm/esm/ on 127.0.0.1 with a page that runs each of the three
// examples in its own iframe (its own module graph, so its own current event
// loop, like a separate program), importing the built esm/mod.js, with
// console.log captured. Headless Chromium (CHROMIUM, or /usr/bin/chromium)
// loads the page once; the page shows the output in the DOM and POSTs it
// back; each test compares one example's output with the seed output.
// Not a `_test.ts` file: `deno task test` leaves it out.
import assert from "node:assert/strict";
import { ROOT, transpile } from "../../scripts/build_npm.ts";
import { serveFile } from "../../scripts/static_server.ts";

const EXAMPLES = ["event_loop", "await", "callback"] as const;
const CHROMIUM = Deno.env.get("CHROMIUM") ?? "/usr/bin/chromium";
const TIMEOUT_MS = 60_000;

interface ExampleRun {
  lines: string[];
  errors: string[];
}
interface BrowserRun {
  userAgent: string;
  results: Record<string, ExampleRun>;
}

const INDEX_HTML = `<!doctype html>
<meta charset="utf-8">
<title>asyncio-ts examples in the browser</title>
<h1>asyncio-ts examples</h1>
<pre id="out">running…</pre>
<script type="module">
const names = ${JSON.stringify(EXAMPLES)};
const results = {};
for (const name of names) {
  results[name] = await new Promise((resolve) => {
    const frame = document.createElement("iframe");
    const timer = setTimeout(
      () => resolve({ lines: [], errors: ["timed out in the page"] }),
      ${TIMEOUT_MS / 2},
    );
    addEventListener("message", function onMessage(event) {
      if (event.source !== frame.contentWindow) return;
      removeEventListener("message", onMessage);
      clearTimeout(timer);
      resolve(event.data);
    });
    frame.src = "/example.html?name=" + name;
    document.body.append(frame);
  });
}
document.getElementById("out").textContent = JSON.stringify(results, null, 2);
await fetch("/result", {
  method: "POST",
  body: JSON.stringify({ userAgent: navigator.userAgent, results }),
});
</script>
`;

// One example per document: console.log is captured before the example
// module (and the library it imports) is loaded.
const EXAMPLE_HTML = `<!doctype html>
<meta charset="utf-8">
<script>
const lines = [];
const errors = [];
console.log = (...data) => lines.push(data.map(String).join(" "));
console.error = (...data) => errors.push(data.map(String).join(" "));
addEventListener("error", (e) => errors.push(String(e.error?.stack ?? e.message)));
addEventListener("unhandledrejection", (e) => errors.push(String(e.reason?.stack ?? e.reason)));
</script>
<script type="module">
const name = new URLSearchParams(location.search).get("name");
try {
  await import("/examples/" + name + ".js");
} catch (error) {
  errors.push(String(error?.stack ?? error));
}
parent.postMessage({ lines, errors }, "*");
</script>
`;

async function handle(
  request: Request,
  report: (run: BrowserRun) => void,
): Promise<Response> {
  const { pathname } = new URL(request.url);
  const html = { "content-type": "text/html; charset=utf-8" };
  if (pathname === "/") return new Response(INDEX_HTML, { headers: html });
  if (pathname === "/example.html") {
    return new Response(EXAMPLE_HTML, { headers: html });
  }
  if (pathname === "/result" && request.method === "POST") {
    report(await request.json());
    return new Response("ok\n");
  }
  const example = /^\/examples\/([a-z_]+)\.js$/.exec(pathname)?.[1];
  if (
    example !== undefined && (EXAMPLES as readonly string[]).includes(example)
  ) {
    // The example as written, importing the built module instead of mod.ts.
    const file = `${ROOT}/examples/${example}.ts`;
    const { code } = transpile(
      await Deno.readTextFile(file),
      file,
      (spec) => spec === "../mod.ts" ? "/esm/mod.js" : spec,
    );
    return new Response(code, {
      headers: { "content-type": "text/javascript; charset=utf-8" },
    });
  }
  if (pathname.startsWith("/esm/")) {
    return await serveFile(`${ROOT}/npm`, pathname, request.method);
  }
  return new Response("not found\n", { status: 404 });
}

interface Chromium {
  child: Deno.ChildProcess;
  /** Its output, collected from the start so that the pipes never fill. */
  output: Promise<Deno.CommandOutput>;
}

/** Starts Chromium in its own process group, so that all of it can be ended. */
function launch(url: string, profile: string): Chromium {
  const child = new Deno.Command("setsid", {
    args: [
      CHROMIUM,
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--disable-dev-shm-usage",
      `--user-data-dir=${profile}`,
      url,
    ],
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  return { child, output: child.output() };
}

async function exitsWithin(child: Deno.ChildProcess, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      child.status.then(() => true),
      new Promise<false>((r) => timer = setTimeout(() => r(false), ms)),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Ends Chromium: SIGTERM to the browser process (which shuts down and reaps
 * its helpers), then SIGKILL to whatever is left of its process group.
 * Returns its stderr.
 */
async function stop({ child, output }: Chromium): Promise<string> {
  try {
    child.kill("SIGTERM");
  } catch { /* already exited */ }
  await exitsWithin(child, 5_000);
  try {
    Deno.kill(-child.pid, "SIGKILL");
  } catch { /* no process left in the group */ }
  const { stderr } = await output;
  return new TextDecoder().decode(stderr);
}

let browserRun: Promise<BrowserRun> | undefined;

/** Loads the page in headless Chromium once, for all the tests. */
function runInBrowser(): Promise<BrowserRun> {
  return browserRun ??= (async () => {
    try {
      await Deno.stat(`${ROOT}/npm/esm/mod.js`);
    } catch {
      throw new Error("npm/ is not built: run `deno task build:npm` first");
    }
    const profile = await Deno.makeTempDir({ prefix: "asyncio-ts-chromium-" });
    let report!: (run: BrowserRun) => void;
    const reported = new Promise<BrowserRun>((resolve) => report = resolve);
    const server = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen() {} },
      (request) => handle(request, report),
    );
    const chromium = launch(`http://127.0.0.1:${server.addr.port}/`, profile);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const result = await Promise.race([
        reported,
        chromium.child.status.then((status) => {
          throw new Error(`chromium exited early (${status.code})`);
        }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no result within ${TIMEOUT_MS} ms`)),
            TIMEOUT_MS,
          );
        }),
      ]).catch(async (error) => {
        const stderr = await stop(chromium);
        throw new Error(`${error.message}\nchromium stderr:\n${stderr}`);
      });
      await stop(chromium);
      return result;
    } finally {
      clearTimeout(timer);
      await server.shutdown();
      await Deno.remove(profile, { recursive: true }).catch(() => {});
    }
  })();
}

for (const name of EXAMPLES) {
  Deno.test(`examples/${name}.ts in headless Chromium, importing the built esm/mod.js, prints the seed output`, async () => {
    const { userAgent, results } = await runInBrowser();
    assert.match(userAgent, /HeadlessChrome\//);
    const run = results[name];
    assert.ok(run !== undefined, `no result for ${name}`);
    assert.deepEqual(run.errors, []);
    const expected = await Deno.readTextFile(
      `${ROOT}/tests/reference/seed/asyncio_future_${name}.expected.txt`,
    );
    assert.equal(run.lines.map((line) => `${line}\n`).join(""), expected);
  });
}
