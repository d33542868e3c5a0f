// The npm package as a consumer sees it. Run after `deno task build:npm`:
//
//   deno test -A tests/package/consumer_check.ts
//
// `npm pack`s npm/, installs the tarball (and TypeScript) into a fresh
// project in a temporary directory, and checks `import`, `require()`, `tsc`
// under nodenext and bundler resolution, the three examples under Node, and
// publint and @arethetypeswrong/cli. Not a `_test.ts` file: `deno task test`
// leaves it out, as it needs npm/ and the npm registry (or npm's cache).
import assert from "node:assert/strict";
import { ROOT, transpile } from "../../scripts/build_npm.ts";

const PUBLINT = "publint@0.3.25";
const ATTW = "@arethetypeswrong/cli@0.18.5";
const EXAMPLES = ["event_loop", "await", "callback"] as const;
const decoder = new TextDecoder();

interface Output {
  code: number;
  stdout: string;
  stderr: string;
}

async function exec(cmd: string, args: string[], cwd: string): Promise<Output> {
  const out = await new Deno.Command(cmd, {
    args,
    cwd,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1", npm_config_update_notifier: "false" },
  }).output();
  return {
    code: out.code,
    stdout: decoder.decode(out.stdout),
    stderr: decoder.decode(out.stderr),
  };
}

function ok(out: Output, what: string): string {
  assert.equal(
    out.code,
    0,
    `${what} exited ${out.code}\n${out.stdout}\n${out.stderr}`,
  );
  return out.stdout;
}

interface Consumer {
  /** The temporary directory, holding the tarball and the project. */
  dir: string;
  /** The consumer project, with asyncio-ts and typescript installed. */
  app: string;
  tarball: string;
  packed: string[];
}

let consumer: Promise<Consumer> | undefined;

/** Packs npm/ and installs it into a fresh project, once for all tests. */
function setup(): Promise<Consumer> {
  return consumer ??= (async () => {
    try {
      await Deno.stat(`${ROOT}/npm/package.json`);
    } catch {
      throw new Error("npm/ is not built: run `deno task build:npm` first");
    }
    const dir = await Deno.makeTempDir({ prefix: "asyncio-ts-consumer-" });
    globalThis.addEventListener("unload", () => {
      Deno.removeSync(dir, { recursive: true });
    });
    const pack = JSON.parse(ok(
      await exec(
        "npm",
        ["pack", "--json", "--pack-destination", dir, "--loglevel=error"],
        `${ROOT}/npm`,
      ),
      "npm pack",
    ));
    const tarball = `${dir}/${pack[0].filename}`;
    const packed = pack[0].files.map((f: { path: string }) => f.path).sort();
    const app = `${dir}/app`;
    await Deno.mkdir(app);
    await Deno.writeTextFile(
      `${app}/package.json`,
      JSON.stringify({ name: "consumer", version: "1.0.0", private: true }),
    );
    const deno = JSON.parse(await Deno.readTextFile(`${ROOT}/deno.json`));
    const typescript = String(deno.imports.typescript).replace(/^npm:/, "");
    // Node's own types for the nodenext consumer (AbortSignal is in the
    // public API: consumers get it from @types/node or lib.dom).
    const node = ok(await exec("node", ["--version"], dir), "node --version");
    const nodeTypes = `@types/node@${/^v(\d+)/.exec(node)![1]}`;
    ok(
      await exec("npm", [
        "install",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        "--loglevel=error",
        tarball,
        typescript,
        nodeTypes,
      ], app),
      "npm install",
    );
    return { dir, app, tarball, packed };
  })();
}

Deno.test("npm pack packs the built library, README and LICENSE, and no tests", async () => {
  const { packed } = await setup();
  for (const file of ["package.json", "README.md", "LICENSE"]) {
    assert.ok(packed.includes(file), `${file} is not packed`);
  }
  for (const base of ["mod", "loop", "future", "handle", "task", "errors"]) {
    for (const ext of [".js", ".d.ts", ".js.map"]) {
      assert.ok(packed.includes(`esm/${base}${ext}`), `esm/${base}${ext}`);
    }
  }
  assert.deepEqual(
    packed.filter((f) =>
      !["package.json", "README.md", "LICENSE"].includes(f) &&
      !/^esm\/[a-z_]+\.(js|d\.ts|js\.map)$/.test(f)
    ),
    [],
    "unexpected files in the tarball",
  );
});

Deno.test('import from "asyncio-ts" works in Node and has mod.ts\'s exports', async () => {
  const { app } = await setup();
  await Deno.writeTextFile(
    `${app}/esm.mjs`,
    `import * as lib from "asyncio-ts";
import { EventLoop } from "asyncio-ts";

const loop = new EventLoop({ clock: "virtual" });
const future = loop.createFuture();
loop.callLater(5, (f, value) => f.setResult(value), future, "done");
const result = await loop.runUntilComplete(future);
console.log(JSON.stringify({
  names: Object.keys(lib).sort(),
  result,
  time: loop.time(),
  future: String(future),
}));
loop.close();
`,
  );
  const out = JSON.parse(ok(await exec("node", ["esm.mjs"], app), "node"));
  const source = await import("../../mod.ts");
  assert.deepEqual(out, {
    names: Object.keys(source).sort(),
    result: "done",
    time: 5,
    future: "<Future finished result='done'>",
  });
});

Deno.test('require("asyncio-ts") works and gives the same classes as import', async () => {
  const { app } = await setup();
  await Deno.writeTextFile(
    `${app}/cjs.cjs`,
    `const cjs = require("asyncio-ts");

import("asyncio-ts").then(async (esm) => {
  const loop = new cjs.EventLoop({ clock: "virtual" });
  const future = new esm.Future({ loop });
  loop.callSoon(() => future.setResult(1));
  await loop.runUntilComplete(future);
  console.log(JSON.stringify({
    requireModule: process.features.require_module,
    names: Object.keys(cjs).sort(),
    sameExports: Object.keys(esm).every((name) => cjs[name] === esm[name]),
    loopInstanceof: loop instanceof esm.EventLoop,
    futureInstanceof: future instanceof cjs.Future,
    errorInstanceof: new esm.CancelledError() instanceof cjs.CancelledError,
    result: future.result(),
  }));
  loop.close();
});
`,
  );
  const run = await exec("node", ["cjs.cjs"], app);
  const out = JSON.parse(ok(run, "node cjs.cjs"));
  const source = await import("../../mod.ts");
  assert.deepEqual(out, {
    requireModule: true,
    names: Object.keys(source).sort(),
    sameExports: true,
    loopInstanceof: true,
    futureInstanceof: true,
    errorInstanceof: true,
    result: 1,
  });
  // Node >= 20.19 loads an ES module through require() without a warning.
  assert.equal(run.stderr, "");
});

Deno.test("debug mode names the consumer's file as the creation site, also under node --enable-source-maps", async () => {
  const { app } = await setup();
  await Deno.writeTextFile(
    `${app}/debug.mjs`,
    `import { EventLoop } from "asyncio-ts";

const loop = new EventLoop();
loop.setDebug(true);
const future = loop.createFuture();
console.log(String(future));
loop.close();
`,
  );
  const expected = `<Future pending created at ${app}/debug.mjs:5>\n`;
  assert.equal(ok(await exec("node", ["debug.mjs"], app), "node"), expected);
  // Source-mapped frames are paths (.../asyncio-ts/esm/_debug.ts), not
  // file: URLs; they are still the library's own.
  assert.equal(
    ok(
      await exec("node", ["--enable-source-maps", "debug.mjs"], app),
      "node --enable-source-maps",
    ),
    expected,
  );
});

// A consumer file that uses the public types; the @ts-expect-error lines
// must fire, so the package's types cannot have degraded to `any`.
const CONSUMER_TS = `import {
  CancelledError,
  EventLoop,
  Future,
  type Handle,
  kw,
  partial,
  repr,
  type Task,
  type TimerHandle,
} from "asyncio-ts";

const loop: EventLoop = new EventLoop({ clock: "virtual" });
const future: Future<number> = loop.createFuture<number>();
const timer: TimerHandle = loop.callLater(
  0.5,
  (f: Future<number>, n: number) => f.setResult(n),
  future,
  42,
);
const soon: Handle = loop.callSoon(() => {});
const controller = new AbortController();
const task: Task<string> = loop.createTask(async () => "done", {
  signal: controller.signal,
});
export const signal: AbortSignal = task.signal;
const bound = partial(
  (f: Future<number>, { n }: { n: number }) => f.setResult(n),
  kw({ n: 1 }),
);
future.addDoneCallback((f) => void repr(f.result()));
export const results: [Promise<number>, number, boolean, unknown] = [
  loop.runUntilComplete(future),
  timer.when(),
  soon.cancelled(),
  [task, bound, new CancelledError() instanceof Error],
];

// @ts-expect-error: the callback's arguments are checked
loop.callSoon((f: Future<number>) => f.setResult(1), "not a future");
// @ts-expect-error: result() is a number
export const text: string = future.result();
// @ts-expect-error: clock is "real" or "virtual"
new EventLoop({ clock: "fake" });
`;

async function tsc(
  app: string,
  name: string,
  compilerOptions: Record<string, unknown>,
  files: Record<string, string>,
): Promise<void> {
  await Deno.mkdir(`${app}/${name}`, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    await Deno.writeTextFile(`${app}/${name}/${file}`, text);
  }
  await Deno.writeTextFile(
    `${app}/${name}/tsconfig.json`,
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        skipDefaultLibCheck: true,
        ...compilerOptions,
      },
      files: Object.keys(files),
    }),
  );
  ok(
    await exec(
      "node",
      [`${app}/node_modules/typescript/bin/tsc`, "-p", `${name}/tsconfig.json`],
      app,
    ),
    `tsc -p ${name}/tsconfig.json`,
  );
}

Deno.test("tsc type-checks a consumer under moduleResolution nodenext (.mts and .cts, @types/node)", async () => {
  const { app } = await setup();
  await tsc(app, "nodenext", {
    module: "nodenext",
    moduleResolution: "nodenext",
    lib: ["es2023"],
    types: ["node"],
  }, {
    "consumer.mts": CONSUMER_TS,
    "consumer.cts":
      `import { EventLoop, Future } from "asyncio-ts";\n\nexport const future: Future<string> = new EventLoop().createFuture<string>();\n`,
  });
});

Deno.test("tsc type-checks a consumer under moduleResolution bundler (lib.dom)", async () => {
  const { app } = await setup();
  await tsc(app, "bundler", {
    module: "esnext",
    moduleResolution: "bundler",
    lib: ["es2023", "dom"],
    types: [],
  }, { "consumer.ts": CONSUMER_TS });
});

for (const name of EXAMPLES) {
  Deno.test(`examples/${name}.ts runs under Node from the installed package and prints the seed output`, async () => {
    const { app } = await setup();
    const source = await Deno.readTextFile(`${ROOT}/examples/${name}.ts`);
    const { code } = transpile(
      source,
      `${ROOT}/examples/${name}.ts`,
      (spec) => spec === "../mod.ts" ? "asyncio-ts" : spec,
    );
    assert.match(code, /from "asyncio-ts"/);
    await Deno.writeTextFile(`${app}/${name}.mjs`, code);
    const run = await exec("node", [`${name}.mjs`], app);
    assert.equal(
      ok(run, `node ${name}.mjs`),
      await Deno.readTextFile(
        `${ROOT}/tests/reference/seed/asyncio_future_${name}.expected.txt`,
      ),
    );
    assert.equal(run.stderr, "");
  });
}

Deno.test(`${PUBLINT} --strict finds no problems in the package`, async () => {
  const { dir } = await setup();
  const out = ok(
    await exec("npx", ["-y", PUBLINT, "--strict", `${ROOT}/npm`], dir),
    "publint",
  );
  assert.match(out, /All good!/, out);
});

Deno.test(`${ATTW} --profile esm-only finds no problems in the tarball`, async () => {
  const { dir, tarball } = await setup();
  const out = ok(
    await exec("npx", [
      "-y",
      "-p",
      ATTW,
      "attw",
      tarball,
      "--profile",
      "esm-only",
      "--format",
      "json",
    ], dir),
    "attw",
  );
  // The esm-only profile ignores node10 and node16-from-CJS resolution, which
  // predate require(esm); the require() test above covers the latter.
  const { problems } = JSON.parse(out) as {
    problems: Record<string, { resolutionKind?: string }[]>;
  };
  const counted = Object.values(problems).flat().filter((p) =>
    p.resolutionKind !== "node10" && p.resolutionKind !== "node16-cjs"
  );
  assert.deepEqual(counted, [], out);
});
