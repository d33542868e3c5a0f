// Importing the module from a URL, as a Deno user without a package manager
// does: the repository is served on 127.0.0.1 by scripts/static_server.ts
// (TypeScript as application/typescript), and a fresh Deno (empty DENO_DIR, no
// config) runs an example by URL and a local script that imports mod.ts by
// URL.
import assert from "node:assert/strict";

const root = new URL("../../", import.meta.url);
const decoder = new TextDecoder();

interface Server {
  url: string;
  close(): Promise<void>;
}

async function startServer(): Promise<Server> {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      "--no-config",
      "--allow-net=127.0.0.1",
      `--allow-read=${root.pathname}`,
      "scripts/static_server.ts",
      root.pathname,
    ],
    cwd: root,
    stdout: "piped",
    stderr: "inherit",
    env: { NO_COLOR: "1" },
  }).spawn();
  const lines = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let first = "";
  const timer = setTimeout(() => child.kill(), 20_000);
  try {
    while (!first.includes("\n")) {
      const { value, done } = await lines.read();
      if (done) throw new Error("static_server.ts exited before listening");
      first += value;
    }
  } finally {
    clearTimeout(timer);
  }
  return {
    url: first.trim(),
    async close() {
      child.kill();
      await lines.cancel();
      await child.status;
    },
  };
}

/** A consumer's Deno: its own empty cache, no config, a scratch directory. */
async function deno(
  args: string[],
  cwd: string,
  denoDir: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1", DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: "1" },
  }).output();
  return {
    code: out.code,
    stdout: decoder.decode(out.stdout),
    stderr: decoder.decode(out.stderr),
  };
}

async function withConsumer(
  fn: (server: Server, dir: string, denoDir: string) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "asyncio-ts-url-" });
  const server = await startServer();
  try {
    await Deno.mkdir(`${dir}/deno_dir`);
    await Deno.mkdir(`${dir}/app`);
    await fn(server, `${dir}/app`, `${dir}/deno_dir`);
  } finally {
    await server.close();
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("deno run http://127.0.0.1:PORT/examples/callback.ts prints the seed output (no flags)", async () => {
  await withConsumer(async (server, dir, denoDir) => {
    const expected = await Deno.readTextFile(
      new URL(
        "tests/reference/seed/asyncio_future_callback.expected.txt",
        root,
      ),
    );
    const run = await deno(
      ["run", "--quiet", `${server.url}examples/callback.ts`],
      dir,
      denoDir,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, expected);
  });
});

Deno.test("a local script imports mod.ts by URL with --allow-import=127.0.0.1:PORT", async () => {
  await withConsumer(async (server, dir, denoDir) => {
    const host = new URL(server.url).host;
    // The seed's asyncio_future_event_loop.py, importing from the URL.
    await Deno.writeTextFile(
      `${dir}/main.ts`,
      `import { Future, getEventLoop, repr } from "${server.url}mod.ts";

function markDone(future: Future<string>, result: string): void {
  console.log(\`setting future result to \${repr(result)}\`);
  future.setResult(result);
}

const eventLoop = getEventLoop();
const allDone = new Future<string>();
try {
  console.log("scheduling mark_done");
  eventLoop.callSoon(markDone, allDone, "the result");
  console.log("entering event loop");
  const result = await eventLoop.runUntilComplete(allDone);
  console.log(\`returned result: \${repr(result)}\`);
} finally {
  console.log("closing event loop");
  eventLoop.close();
}
console.log(\`future result: \${repr(allDone.result())}\`);
`,
    );
    const expected = await Deno.readTextFile(
      new URL(
        "tests/reference/seed/asyncio_future_event_loop.expected.txt",
        root,
      ),
    );

    const denied = await deno(["run", "main.ts"], dir, denoDir);
    assert.notEqual(denied.code, 0);
    assert.match(denied.stderr, /--allow-import/);

    const run = await deno(
      ["run", "--quiet", `--allow-import=${host}`, "main.ts"],
      dir,
      denoDir,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, expected);
  });
});

Deno.test("static_server.ts sends TypeScript as application/typescript and nothing outside its root", async () => {
  const server = await startServer();
  try {
    const get = async (path: string) => {
      const response = await fetch(new URL(path, server.url));
      return {
        status: response.status,
        type: response.headers.get("content-type"),
        text: await response.text(),
      };
    };
    const mod = await get("mod.ts");
    assert.equal(mod.status, 200);
    assert.equal(mod.type, "application/typescript; charset=utf-8");
    assert.equal(
      mod.text,
      await Deno.readTextFile(new URL("mod.ts", root)),
    );
    assert.equal((await get("examples/")).status, 404);
    assert.equal((await get("no_such_file.ts")).status, 404);
    assert.equal((await get("%2e%2e/%2e%2e/etc/passwd")).status, 404);
  } finally {
    await server.close();
  }
});
