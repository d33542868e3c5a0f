/**
 * Builds the npm package `asyncio-ts` into `npm/` from the same sources Deno
 * runs, with TypeScript's compiler API (dnt's shape; dnt itself lives on JSR,
 * which CI cannot reach).
 *
 * ```sh
 * deno task build:npm            # version from deno.json, then run the tests
 * deno task build:npm 0.2.0      # another version ("v0.2.0" works too)
 * deno task build:npm --no-test  # build only
 * deno task build:npm --no-build --node ~/node22/bin/node
 *                                # the built tests again, with another Node
 * ```
 *
 * Steps: type-check the library against ES2023 plus the few host globals it
 * uses (`HOST_GLOBALS` below; a `Deno.*` call or an API newer than Node 20
 * fails here); emit ESM `.js` with `.js` import specifiers, `.d.ts` (their
 * specifiers rewritten by an AST transformer) and source maps with the sources
 * inlined into `npm/esm/`; check every emitted specifier resolves; write
 * `package.json` and copy README.md and LICENSE; transpile the portable tests
 * (`tests/*.ts`) into `npm/esm/tests/` (not packed) so that they import the
 * built files; and run them with Node's test runner through
 * `scripts/deno_test_shim.mjs`. The last line is
 * `node tests: N passed, M failed`. `--node PATH` runs them with that Node
 * binary instead of the `node` on PATH, and `--no-build` runs the tests of
 * the last build (listed in `npm/esm/tests/_tests.json`) without building.
 *
 * @module
 */

import ts from "typescript";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (absolute path). */
export const ROOT: string = fileURLToPath(new URL("../", import.meta.url))
  .replace(/\/$/, "");
/** Where the package is written. */
export const OUT: string = join(ROOT, "npm");
const ESM = join(OUT, "esm");
const TESTS_OUT = join(ESM, "tests");
const SHIM = "_deno_test_shim.mjs";
/** What `--no-build` needs of the last build: its TestBuild. */
const MANIFEST = join(TESTS_OUT, "_tests.json");

/** npm-only metadata; name, version and exports come from deno.json. */
const NPM = {
  name: "asyncio-ts",
  description:
    "Python asyncio's model for TypeScript: an explicit event loop, futures with done callbacks, cancellable handles, tasks and a virtual clock, for Node.js, Deno and browsers.",
  keywords: ["asyncio", "event-loop", "future", "task", "scheduler", "deno"],
  license: "MIT",
  engines: { node: "^20.19.0 || >=22.12.0" },
};

/** The parts of deno.json the build reads. */
export interface DenoJson {
  name: string;
  version: string;
  exports: string | Record<string, string>;
  imports?: Record<string, string>;
  compilerOptions?: Record<string, unknown>;
}

/** Reads deno.json from the repository root. */
export function readDenoJson(): DenoJson {
  return JSON.parse(Deno.readTextFileSync(join(ROOT, "deno.json")));
}

/** deno.json `exports` as a map: `{ ".": "./mod.ts", ... }`. */
export function exportMap(deno: DenoJson): Record<string, string> {
  return typeof deno.exports === "string"
    ? { ".": deno.exports }
    : { ...deno.exports };
}

class BuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BuildError";
  }
}

const log = (message: string) => console.log(`[build_npm] ${message}`);

function since(start: number): string {
  return `${Math.round(performance.now() - start)}ms`;
}

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => ROOT,
    getNewLine: () => "\n",
  });
}

// --- specifier rewriting -------------------------------------------------

/** Maps one module specifier to another (or returns it unchanged). */
export type SpecifierMap = (specifier: string) => string;

const TS_EXTENSION = /\.(m|c)?tsx?$/;

/** `./x.ts` -> `./x.js`, `./x.mts` -> `./x.mjs`; other specifiers as is. */
export function relativeToJs(specifier: string): string {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) {
    return specifier;
  }
  return specifier.replace(
    TS_EXTENSION,
    (_m, kind: string | undefined) =>
      kind === "m" ? ".mjs" : kind === "c" ? ".cjs" : ".js",
  );
}

function literal(
  factory: ts.NodeFactory,
  node: ts.Expression | undefined,
  map: SpecifierMap,
): ts.Expression | undefined {
  if (node === undefined || !ts.isStringLiteral(node)) return node;
  const next = map(node.text);
  return next === node.text ? node : factory.createStringLiteral(next);
}

/**
 * A transformer that rewrites the specifiers of `import`/`export ... from`,
 * `import("...")` calls and `import("...")` types through `map`. It edits the
 * syntax tree, so specifiers quoted in comments (JSDoc examples) stay as
 * written.
 */
export function specifierTransformer<T extends ts.Node>(
  map: SpecifierMap,
): ts.TransformerFactory<T> {
  return (context) => {
    const { factory } = context;
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isImportDeclaration(node)) {
        return factory.updateImportDeclaration(
          node,
          node.modifiers,
          node.importClause,
          literal(factory, node.moduleSpecifier, map)!,
          node.attributes,
        );
      }
      if (ts.isExportDeclaration(node)) {
        return factory.updateExportDeclaration(
          node,
          node.modifiers,
          node.isTypeOnly,
          node.exportClause,
          literal(factory, node.moduleSpecifier, map),
          node.attributes,
        );
      }
      if (
        ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) &&
        ts.isStringLiteral(node.argument.literal)
      ) {
        const argument = factory.updateLiteralTypeNode(
          node.argument,
          literal(factory, node.argument.literal, map) as ts.StringLiteral,
        );
        return factory.updateImportTypeNode(
          node,
          argument,
          node.attributes,
          node.qualifier,
          ts.visitNodes(node.typeArguments, visit, ts.isTypeNode),
          node.isTypeOf,
        );
      }
      if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] !== undefined
      ) {
        const [first, ...rest] = node.arguments;
        return factory.updateCallExpression(
          node,
          node.expression,
          node.typeArguments,
          [
            literal(factory, first, map)!,
            ...rest.map((arg) => ts.visitNode(arg, visit) as ts.Expression),
          ],
        );
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (root) => ts.visitNode(root, visit) as T;
  };
}

/**
 * Transpiles one TypeScript module to ESM JavaScript with an inline-sources
 * source map, rewriting its import specifiers through `map` (no type-check:
 * `deno check` does that). Used for the tests here, and for the examples by
 * the consumer and browser checks.
 */
export function transpile(
  source: string,
  fileName: string,
  map: SpecifierMap,
): { code: string; sourceMap: string } {
  const out = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      verbatimModuleSyntax: true,
      sourceMap: true,
      inlineSources: true,
      newLine: ts.NewLineKind.LineFeed,
    },
    transformers: { before: [specifierTransformer(map)] },
  });
  const errors = (out.diagnostics ?? []).filter((d) =>
    d.category === ts.DiagnosticCategory.Error
  );
  if (errors.length > 0) throw new BuildError(formatDiagnostics(errors));
  return { code: out.outputText, sourceMap: out.sourceMapText ?? "" };
}

// --- the library -----------------------------------------------------------

/**
 * The host globals the library may use, and nothing else: the library is
 * type-checked against `lib.es2023.d.ts` plus these (no DOM, no Deno, no Node
 * types), so a `Deno.*` call, a DOM-only API or an API newer than Node 20
 * (`Promise.withResolvers`, `Array.fromAsync`, ...) fails the build. Node >=
 * 20.19, Deno and browsers all have them. `setImmediate` is read off
 * `globalThis` where present, so it needs no declaration. Only `AbortSignal`
 * appears in the public API (`TaskOptions.signal`, `Task.signal`): there the
 * `.d.ts` names the global type, which consumers get from `lib.dom` or
 * `@types/node` (the consumer `tsc` check uses both); the rest must stay out
 * of it. A string, not a file: `deno check scripts/` would clash
 * with Deno's own declarations of the same names.
 */
const HOST_GLOBALS = `
declare function setTimeout(
  callback: (...args: never[]) => void,
  delay?: number,
): unknown;
declare function clearTimeout(id: unknown): void;
declare function queueMicrotask(callback: () => void): void;
declare const performance: { now(): number };
interface MessagePort {
  onmessage: ((event: unknown) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}
declare const MessageChannel: {
  new (): { readonly port1: MessagePort; readonly port2: MessagePort };
};
interface ImportMeta {
  readonly url: string;
}
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(
    type: "abort",
    listener: () => void,
    options?: { once?: boolean },
  ): void;
  removeEventListener(type: "abort", listener: () => void): void;
}
interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare const AbortController: { new (): AbortController };
declare const console: {
  log(...data: unknown[]): void;
  error(...data: unknown[]): void;
  warn(...data: unknown[]): void;
};
`;

function compilerOptions(deno: DenoJson): ts.CompilerOptions {
  // deno.json's own strictness flags (strict, exactOptionalPropertyTypes, ...)
  // apply here too; the rest is fixed: ESM for an ES2022 engine, no DOM, no
  // Deno, no Node types, only HOST_GLOBALS.
  const fromDeno = ts.convertCompilerOptionsFromJson(
    deno.compilerOptions ?? {},
    ROOT,
  );
  if (fromDeno.errors.length > 0) {
    throw new BuildError(formatDiagnostics(fromDeno.errors));
  }
  return {
    ...fromDeno.options,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2023.d.ts"],
    types: [],
    strict: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    rewriteRelativeImportExtensions: true,
    allowImportingTsExtensions: false,
    resolveJsonModule: false,
    declaration: true,
    sourceMap: true,
    inlineSources: true,
    rootDir: ROOT,
    outDir: ESM,
    newLine: ts.NewLineKind.LineFeed,
    noEmitOnError: true,
    skipLibCheck: false,
    forceConsistentCasingInFileNames: true,
  };
}

/**
 * Library modules must not use top-level await: Node's `require()` of an ES
 * module refuses a graph that has it (ERR_REQUIRE_ASYNC_MODULE).
 */
function topLevelAwait(file: ts.SourceFile): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined || ts.isFunctionLike(node)) return;
    if (
      ts.isAwaitExpression(node) ||
      (ts.isForOfStatement(node) && node.awaitModifier !== undefined) ||
      (ts.isVariableDeclarationList(node) &&
        (node.flags & ts.NodeFlags.AwaitUsing) === ts.NodeFlags.AwaitUsing)
    ) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  return found;
}

function buildLibrary(deno: DenoJson): string[] {
  const entries = Object.values(exportMap(deno)).map((p) => resolve(ROOT, p));
  const globals = join(ROOT, "__host_globals__.d.ts");
  const options = compilerOptions(deno);
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile } = host;
  host.fileExists = (f) => f === globals || fileExists.call(host, f);
  host.readFile = (f) => f === globals ? HOST_GLOBALS : readFile.call(host, f);
  let start = performance.now();
  const program = ts.createProgram([...entries, globals], options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    throw new BuildError(
      "the library does not type-check for Node >= 20 / browsers " +
        "(ES2023 + HOST_GLOBALS in scripts/build_npm.ts):\n" +
        formatDiagnostics(diagnostics),
    );
  }
  const sources = program.getSourceFiles().filter((f) =>
    !program.isSourceFileDefaultLibrary(f) && f.fileName !== globals
  );
  for (const file of sources) {
    const where = relative(ROOT, file.fileName);
    if (where.includes("/") || where.startsWith("..")) {
      throw new BuildError(
        `${where}: library files live at the top level and import only ` +
          `each other with "./x.ts" specifiers`,
      );
    }
    const tla = topLevelAwait(file);
    if (tla !== undefined) {
      const { line } = file.getLineAndCharacterOfPosition(tla.getStart(file));
      throw new BuildError(
        `${where}:${line + 1}: top-level await in a library module breaks ` +
          `require() of the package (ERR_REQUIRE_ASYNC_MODULE)`,
      );
    }
  }
  log(`type-checked ${sources.length} modules (${since(start)})`);

  start = performance.now();
  const written: string[] = [];
  const result = program.emit(
    undefined,
    (fileName, text) => {
      Deno.mkdirSync(dirname(fileName), { recursive: true });
      Deno.writeTextFileSync(fileName, npmText(deno, fileName, text));
      written.push(fileName);
    },
    undefined,
    false,
    { afterDeclarations: [specifierTransformer(relativeToJs)] },
  );
  if (result.emitSkipped || result.diagnostics.length > 0) {
    throw new BuildError(
      "emit failed:\n" + formatDiagnostics(result.diagnostics),
    );
  }
  checkSpecifiers(written);
  log(`emitted ${written.length} files into npm/esm (${since(start)})`);
  return written;
}

/**
 * Adjusts an emitted file for npm. Doc examples import the package by its
 * npm name (`from "asyncio-ts"`, which deno.json maps for `deno test
 * --doc`); one still written with the JSR name (`@asyncio-ts/asyncio`) is
 * shown with the npm name. This can only touch comments, as no
 * emitted code imports a bare name (checkSpecifiers). Source maps name the
 * source as if it sat beside the output (`loop.ts` for `loop.js`); its text is
 * inlined.
 */
function npmText(deno: DenoJson, fileName: string, text: string): string {
  if (fileName.endsWith(".map")) {
    const map = JSON.parse(text);
    map.sources = map.sources.map((s: string) =>
      relative(ROOT, resolve(dirname(fileName), s))
    );
    return JSON.stringify(map);
  }
  return text.replaceAll(`from "${deno.name}`, `from "${NPM.name}`);
}

/**
 * Every import in the emitted `.js` and `.d.ts` files must be relative,
 * end in `.js` and point at an emitted file: the package has no
 * dependencies, and Node's ESM resolver needs the full file name.
 */
function checkSpecifiers(files: string[]): void {
  const emitted = new Set(files);
  const problems: string[] = [];
  for (const file of files) {
    const dts = file.endsWith(".d.ts");
    if (!dts && !file.endsWith(".js")) continue;
    const text = Deno.readTextFileSync(file);
    for (
      const { fileName: spec } of ts.preProcessFile(text, true, true)
        .importedFiles
    ) {
      const where = `${relative(ROOT, file)}: "${spec}"`;
      if (!spec.startsWith("./") && !spec.startsWith("../")) {
        problems.push(`${where} is not a relative import`);
      } else if (!spec.endsWith(".js")) {
        problems.push(`${where} does not end in .js`);
      } else {
        const target = resolve(dirname(file), spec);
        const wanted = dts ? target.replace(/\.js$/, ".d.ts") : target;
        if (!emitted.has(wanted)) {
          problems.push(`${where} points at no emitted file`);
        }
      }
    }
  }
  if (problems.length > 0) {
    throw new BuildError("bad import specifiers:\n" + problems.join("\n"));
  }
}

// --- package.json, README, LICENSE ----------------------------------------

function packageJson(deno: DenoJson, version: string): unknown {
  const built = (source: string) =>
    "./esm/" + source.replace(/^\.\//, "").replace(TS_EXTENSION, "");
  const exports: Record<string, unknown> = {};
  for (const [key, source] of Object.entries(exportMap(deno))) {
    exports[key] = {
      types: `${built(source)}.d.ts`,
      default: `${built(source)}.js`,
    };
  }
  exports["./package.json"] = "./package.json";
  const main = exportMap(deno)["."];
  return {
    name: NPM.name,
    version,
    description: NPM.description,
    keywords: NPM.keywords,
    license: NPM.license,
    type: "module",
    ...(main === undefined
      ? {}
      : { main: `${built(main)}.js`, types: `${built(main)}.d.ts` }),
    exports,
    files: ["esm/", "!esm/tests/"],
    sideEffects: false,
    engines: NPM.engines,
  };
}

// --- the tests ---------------------------------------------------------------

interface TestBuild {
  files: string[];
  /** npm install specs for the bare imports the tests use. */
  npmDeps: string[];
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** npm package name -> the versions deno.lock pins for it. */
function lockedVersions(): Map<string, Set<string>> {
  const locked = new Map<string, Set<string>>();
  let lock: { npm?: Record<string, unknown> };
  try {
    lock = JSON.parse(Deno.readTextFileSync(join(ROOT, "deno.lock")));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return locked;
    throw error;
  }
  for (const key of Object.keys(lock.npm ?? {})) {
    // "fast-check@4.11.0", "@scope/pkg@1.2.3_peer@4.5.6"
    const match = /^((?:@[^/]+\/)?[^@]+)@([^_]+)/.exec(key);
    if (match === null) continue;
    const [, name, version] = match;
    if (!locked.has(name!)) locked.set(name!, new Set());
    locked.get(name!)!.add(version!);
  }
  return locked;
}

/**
 * `npm:fast-check@^4/sub` -> install spec `fast-check@^4`, import
 * `fast-check/sub`. The version deno.lock pins wins over the range when it
 * pins exactly one, so Node's run uses what `deno test` used.
 */
function npmSpecifier(
  target: string,
  locked: Map<string, Set<string>> = new Map(),
): { install: string; name: string } {
  const rest = target.replace(/^npm:\/?/, "");
  const match = /^((?:@[^/]+\/)?[^/@]+)(?:@([^/]+))?(\/.*)?$/.exec(rest);
  if (match === null) throw new BuildError(`cannot read "${target}"`);
  const [, name, range] = match;
  const versions = locked.get(name!);
  if (versions?.size === 1) {
    return { install: `${name}@${[...versions][0]}`, name: name! };
  }
  return { install: range ? `${name}@${range}` : name!, name: name! };
}

function buildTests(deno: DenoJson, libraryFiles: string[]): TestBuild {
  const testsDir = join(ROOT, "tests");
  const sources: string[] = [];
  for (const entry of Deno.readDirSync(testsDir)) {
    if (entry.isFile && /\.(m)?ts$/.test(entry.name)) sources.push(entry.name);
  }
  sources.sort();
  const emitted = new Set(libraryFiles);
  const testFiles = new Set(
    sources.map((s) => join(TESTS_OUT, relativeToJs(`./${s}`).slice(2))),
  );
  const imports = deno.imports ?? {};
  const locked = lockedVersions();
  const deps = new Map<string, string>();
  const selfName = deno.name;
  const selfExports = exportMap(deno);
  const files: string[] = [];
  Deno.mkdirSync(TESTS_OUT, { recursive: true });

  for (const name of sources) {
    const sourcePath = join(testsDir, name);
    const outPath = join(TESTS_OUT, relativeToJs(`./${name}`).slice(2));
    const problems: string[] = [];
    const map: SpecifierMap = (spec) => {
      if (spec.startsWith("node:")) return spec;
      if (spec.startsWith("./") || spec.startsWith("../")) {
        const js = relativeToJs(spec);
        const target = resolve(TESTS_OUT, js);
        if (!emitted.has(target) && !testFiles.has(target)) {
          problems.push(
            `"${spec}" is neither a built library file (reachable from ` +
              `deno.json exports) nor a file in tests/`,
          );
        }
        return js;
      }
      // The package's own name, as the doc examples import it.
      if (spec === selfName || spec.startsWith(`${selfName}/`)) {
        const key = "." + spec.slice(selfName.length);
        const source = selfExports[key];
        if (source === undefined) {
          problems.push(`"${spec}": deno.json exports no "${key}"`);
          return spec;
        }
        return relativeToJs(
          "../" + source.replace(/^\.\//, ""),
        );
      }
      if (spec.startsWith("npm:")) {
        const { install, name } = npmSpecifier(spec, locked);
        deps.set(name, install);
        return spec.replace(/^npm:\/?/, "").replace(
          /^((?:@[^/]+\/)?[^/@]+)@[^/]+/,
          "$1",
        );
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(spec)) {
        problems.push(`"${spec}": only node: and npm: imports run under Node`);
        return spec;
      }
      // A bare specifier: deno.json "imports" must map it to npm.
      const pkg = packageName(spec);
      const target = imports[pkg] ?? imports[`${pkg}/`];
      if (target === undefined || !target.startsWith("npm:")) {
        problems.push(
          `"${spec}" is not mapped to an npm: package in deno.json "imports"`,
        );
        return spec;
      }
      const { install, name: real } = npmSpecifier(target, locked);
      deps.set(pkg, real === pkg ? install : `${pkg}@npm:${install}`);
      return spec;
    };
    const source = Deno.readTextFileSync(sourcePath);
    const { code, sourceMap } = transpile(source, sourcePath, map);
    if (problems.length > 0) {
      throw new BuildError(
        `tests/${name} cannot run under Node:\n  ${problems.join("\n  ")}`,
      );
    }
    const mapName = `${outPath.split("/").pop()}.map`;
    const fixedMap = JSON.parse(sourceMap);
    fixedMap.sources = [relative(TESTS_OUT, sourcePath)];
    Deno.writeTextFileSync(
      outPath,
      code.replace(/\/\/# sourceMappingURL=.*$/m, "") +
        `//# sourceMappingURL=${mapName}\n`,
    );
    Deno.writeTextFileSync(`${outPath}.map`, JSON.stringify(fixedMap));
    if (/_test\.m?js$/.test(outPath)) files.push(outPath);
  }
  Deno.copyFileSync(
    join(ROOT, "scripts", "deno_test_shim.mjs"),
    join(TESTS_OUT, SHIM),
  );
  log(
    `transpiled ${sources.length} test modules into npm/esm/tests` +
      (deps.size > 0 ? ` (npm: ${[...deps.values()].join(", ")})` : ""),
  );
  const build = { files, npmDeps: [...deps.values()] };
  const manifest = { ...build, files: files.map((f) => relative(OUT, f)) };
  Deno.writeTextFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + "\n");
  return build;
}

/** The tests of the last build, for `--no-build`. */
function builtTests(): TestBuild {
  try {
    const manifest: TestBuild = JSON.parse(Deno.readTextFileSync(MANIFEST));
    return { ...manifest, files: manifest.files.map((f) => join(OUT, f)) };
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    throw new BuildError(
      `${relative(ROOT, MANIFEST)} is missing: run deno task build:npm first`,
    );
  }
}

async function run(
  cmd: string,
  args: string[],
  cwd: string,
): Promise<number> {
  const { code } = await new Deno.Command(cmd, {
    args,
    cwd,
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  return code;
}

/** Whether npm/node_modules holds every npm package the tests import. */
function depsInstalled(tests: TestBuild): boolean {
  return tests.npmDeps.every((spec) => {
    const name = spec.replace(/^((?:@[^/]+\/)?[^@]+)@.*$/, "$1");
    try {
      return Deno.statSync(join(OUT, "node_modules", name)).isDirectory;
    } catch {
      return false;
    }
  });
}

/**
 * Runs the transpiled tests with `node --test`, `node` being the binary to
 * use; returns [passed, failed].
 */
async function runNodeTests(
  tests: TestBuild,
  node: string,
): Promise<[number, number]> {
  if (tests.files.length === 0) {
    log("no portable tests (tests/*_test.ts) to run under Node");
    return [0, 0];
  }
  let version: Deno.CommandOutput;
  try {
    version = await new Deno.Command(node, { args: ["--version"] }).output();
  } catch (error) {
    throw new BuildError(`cannot run ${node}: ${(error as Error).message}`);
  }
  if (!version.success) throw new BuildError(`${node} --version failed`);
  log(`Node ${new TextDecoder().decode(version.stdout).trim()} (${node})`);
  if (tests.npmDeps.length > 0 && !depsInstalled(tests)) {
    // Only for the test run: installed into npm/node_modules (never packed),
    // not written to package.json.
    const start = performance.now();
    const code = await run("npm", [
      "install",
      "--no-save",
      "--no-package-lock",
      "--ignore-scripts",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      ...tests.npmDeps,
    ], OUT);
    if (code !== 0) throw new BuildError("npm install of test imports failed");
    log(
      `installed ${tests.npmDeps.join(", ")} for the tests (${since(start)})`,
    );
  }
  const tap = await Deno.makeTempFile({
    prefix: "node-tests-",
    suffix: ".tap",
  });
  try {
    const start = performance.now();
    // No --enable-source-maps: stacks point at the built .js, as a user's
    // would; mapping them costs milliseconds per stack, which debug mode's
    // slow-callback measure would count.
    const code = await run(node, [
      "--import",
      `./esm/tests/${SHIM}`,
      "--test",
      "--test-timeout=60000",
      "--test-reporter=spec",
      "--test-reporter-destination=stdout",
      "--test-reporter=tap",
      `--test-reporter-destination=${tap}`,
      ...tests.files.map((f) => relative(OUT, f)),
    ], OUT);
    const summary = Deno.readTextFileSync(tap);
    const count = (key: string) =>
      Number(new RegExp(`^# ${key} (\\d+)$`, "m").exec(summary)?.[1] ?? 0);
    const passed = count("pass");
    let failed = count("fail") + count("cancelled");
    if (code !== 0 && failed === 0) failed = 1;
    log(`node --test exited ${code} (${since(start)})`);
    return [passed, failed];
  } finally {
    Deno.removeSync(tap);
  }
}

// --- main -----------------------------------------------------------------

const USAGE = "usage: deno task build:npm [version] [--no-test]\n" +
  "       deno task build:npm --no-build [--node PATH]\n" +
  "       (--node PATH: run the tests with that Node binary)";

async function main(args: string[]): Promise<number> {
  const flags = new Set<string>();
  const positional: string[] = [];
  let node = "node";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--node" && args[i + 1] !== undefined) node = args[++i]!;
    else if (arg === "--no-test" || arg === "--no-build") flags.add(arg);
    else if (arg.startsWith("--")) flags.add("unknown");
    else positional.push(arg);
  }
  const build = !flags.has("--no-build");
  const test = !flags.has("--no-test");
  if (
    flags.has("unknown") || positional.length > 1 || (!build && !test) ||
    (!build && positional.length > 0)
  ) {
    console.error(USAGE);
    return 2;
  }
  const tests = build ? buildAll(positional[0]) : builtTests();
  if (!test) return 0;
  const [passed, failed] = await runNodeTests(tests, node);
  console.log(`node tests: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

/** Builds npm/ (the package and its tests); returns the tests. */
function buildAll(versionArg: string | undefined): TestBuild {
  const deno = readDenoJson();
  const version = (versionArg ?? deno.version).replace(/^v/, "");
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(version)) {
    throw new BuildError(`"${version}" is not a semver version`);
  }
  const start = performance.now();
  log(`${NPM.name}@${version} (TypeScript ${ts.version})`);
  try {
    Deno.removeSync(OUT, { recursive: true });
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  Deno.mkdirSync(OUT);
  const libraryFiles = buildLibrary(deno);
  Deno.writeTextFileSync(
    join(OUT, "package.json"),
    JSON.stringify(packageJson(deno, version), null, 2) + "\n",
  );
  for (const file of ["README.md", "LICENSE"]) {
    Deno.copyFileSync(join(ROOT, file), join(OUT, file));
  }
  const tests = buildTests(deno, libraryFiles);
  log(`built npm/ (${since(start)})`);
  return tests;
}

if (import.meta.main) {
  try {
    Deno.exit(await main(Deno.args));
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    console.error(`[build_npm] error: ${error.message}`);
    Deno.exit(1);
  }
}
