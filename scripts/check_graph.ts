/**
 * `deno task check:graph`: checks the module graph that `mod.ts` reaches,
 * as Deno std's `_tools/check_circular_*` scripts do for std.
 *
 *     deno task check:graph                # the repository's mod.ts
 *     deno task check:graph --graph        # also print the module graph
 *     deno task check:graph --root <dir>   # <dir>/mod.ts instead
 *
 * It asks `deno info --json mod.ts` for the graph and keeps the local
 * modules (`file:` specifiers inside the root directory) that mod.ts reaches
 * through them, with both their code and their type-only imports (`import
 * type`, `export type ... from`). Then it reports:
 *
 * - every import circle: each strongly connected component (Tarjan's
 *   algorithm) of more than one module, or a module that imports itself,
 *   printed as one shortest cycle through it, `a.ts -> b.ts -> a.ts`;
 * - every module longer than {@linkcode MAX_LINES} lines (counted as `wc -l`
 *   counts them: newline characters);
 * - every import `deno info` could not resolve.
 *
 * The last line sums it up, `graph: 21 modules, 0 circles, 0 over 600
 * lines`. It exits 1 if anything was reported, 0 otherwise, and 2 on a usage
 * error or if `deno info` fails.
 *
 * @module
 */

import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The most lines a module may have. */
export const MAX_LINES = 600;

/** Where one import of `deno info --json` points (`code` or `type`). */
interface InfoResolution {
  specifier?: string;
  error?: string;
}

interface InfoDependency {
  specifier: string;
  code?: InfoResolution;
  type?: InfoResolution;
  isDynamic?: boolean;
}

interface InfoModule {
  specifier: string;
  local?: string;
  error?: string;
  dependencies?: InfoDependency[];
}

interface Info {
  roots: string[];
  modules: InfoModule[];
  redirects?: Record<string, string>;
}

/** One local module: its path relative to the root, size and imports. */
interface Module {
  path: string;
  lines: number;
  /** The local modules it imports, to whether every such import is type-only. */
  imports: Map<string, boolean>;
}

const USAGE = `usage: check_graph.ts [--graph] [--root <dir>]
  --graph       also print the module graph (each module, its lines, its imports)
  --root <dir>  check <dir>/mod.ts (default: the repository root)`;

function usage(message: string): never {
  console.error(`check_graph: ${message}\n${USAGE}`);
  Deno.exit(2);
}

function parseArgs(args: string[]): { graph: boolean; root: string } {
  let graph = false;
  let root = fileURLToPath(new URL("..", import.meta.url));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--graph") graph = true;
    else if (arg === "--root") {
      const value = args[++i];
      if (value === undefined) usage("--root needs a directory");
      root = value;
    } else if (arg.startsWith("--root=")) root = arg.slice("--root=".length);
    else if (arg === "-h" || arg === "--help") {
      console.log(USAGE);
      Deno.exit(0);
    } else usage(`unknown argument ${JSON.stringify(arg)}`);
  }
  return { graph, root: resolve(root) };
}

/** Runs `deno info --json mod.ts` in `root`. */
async function denoInfo(root: string): Promise<Info> {
  try {
    if (!Deno.statSync(join(root, "mod.ts")).isFile) {
      throw new Error("not a file");
    }
  } catch {
    console.error(`check_graph: no ${join(root, "mod.ts")}`);
    Deno.exit(2);
  }
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", "mod.ts"],
    cwd: root,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  if (!output.success) {
    console.error(decoder.decode(output.stderr).trimEnd());
    console.error(`check_graph: deno info --json mod.ts failed in ${root}`);
    Deno.exit(2);
  }
  return JSON.parse(decoder.decode(output.stdout)) as Info;
}

/** The number of lines of a file, as `wc -l` counts them. */
function countLines(file: string): number {
  let lines = 0;
  for (const byte of Deno.readFileSync(file)) if (byte === 0x0a) lines++;
  return lines;
}

/**
 * The local modules `info`'s roots reach through local modules, by path
 * relative to `root` ("/"-separated), and the imports that failed.
 */
function localGraph(
  info: Info,
  root: string,
): { modules: Map<string, Module>; errors: string[] } {
  const realRoot = Deno.realPathSync(root);
  const bySpecifier = new Map(info.modules.map((m) => [m.specifier, m]));
  const redirects = info.redirects ?? {};
  const follow = (specifier: string): string => {
    const seen = new Set<string>();
    while (specifier in redirects && !seen.has(specifier)) {
      seen.add(specifier);
      specifier = redirects[specifier]!;
    }
    return specifier;
  };
  /** The module's path relative to the root, if it is a local file there. */
  const localPath = (m: InfoModule): string | undefined => {
    if (!m.specifier.startsWith("file:") || m.local === undefined) return;
    const path = relative(realRoot, Deno.realPathSync(m.local));
    const outside = path === ".." || path.startsWith(`..${sep}`);
    if (path === "" || outside || isAbsolute(path)) return;
    return path.split(sep).join("/");
  };

  const modules = new Map<string, Module>();
  const errors: string[] = [];
  const queue: InfoModule[] = [];
  const visit = (m: InfoModule): string | undefined => {
    const path = localPath(m);
    if (path !== undefined && !modules.has(path)) {
      modules.set(path, {
        path,
        lines: countLines(m.local!),
        imports: new Map(),
      });
      queue.push(m);
    }
    return path;
  };
  for (const specifier of info.roots) {
    const m = bySpecifier.get(follow(specifier));
    if (m?.error !== undefined) errors.push(`${specifier}: ${m.error}`);
    else if (m !== undefined) visit(m);
  }
  for (let i = 0; i < queue.length; i++) {
    const m = queue[i]!;
    const from = modules.get(localPath(m)!)!;
    for (const dependency of m.dependencies ?? []) {
      for (const kind of ["code", "type"] as const) {
        const resolution = dependency[kind];
        if (resolution === undefined) continue;
        const target = resolution.specifier === undefined
          ? undefined
          : bySpecifier.get(follow(resolution.specifier));
        const error = resolution.error ?? target?.error;
        if (error !== undefined) {
          errors.push(`${from.path} imports ${dependency.specifier}: ${error}`);
          continue;
        }
        if (target === undefined) continue;
        const to = visit(target);
        if (to === undefined) continue;
        const typeOnly = kind === "type" && from.imports.get(to) !== false;
        from.imports.set(to, typeOnly);
      }
    }
  }
  return { modules, errors: [...new Set(errors)] };
}

/** Tarjan's strongly connected components of the graph `next` spans. */
function stronglyConnected(
  nodes: Iterable<string>,
  next: (node: string) => Iterable<string>,
): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return components;
}

/** A shortest cycle from `start` back to it inside `members` (BFS). */
function cycleThrough(
  start: string,
  members: Set<string>,
  next: (node: string) => Iterable<string>,
): string[] | undefined {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (const w of next(v)) {
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(parent.get(path[0]!)!);
        return [...path, start];
      }
      if (members.has(w) && !parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
}

/** The shortest of the cycles through each member (the first on a tie). */
function shortestCycle(
  component: string[],
  next: (node: string) => Iterable<string>,
): string[] {
  const members = new Set(component);
  let best: string[] | undefined;
  for (const start of [...component].sort()) {
    const cycle = cycleThrough(start, members, next);
    if (
      cycle !== undefined && (best === undefined || cycle.length < best.length)
    ) {
      best = cycle;
    }
  }
  return best!;
}

/**
 * `items` joined by ", " on lines of at most `width` characters, the first
 * after `first` characters, the others after `indent`.
 */
function wrap(
  items: string[],
  first: number,
  indent: string,
  width = 100,
): string {
  const lines: string[] = [];
  let line = "";
  let room = width - first;
  for (const item of items) {
    if (line !== "" && line.length + item.length + 3 > room) {
      lines.push(line + ",");
      line = item;
      room = width - indent.length;
    } else line = line === "" ? item : `${line}, ${item}`;
  }
  lines.push(line);
  return lines.join(`\n${indent}`);
}

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

async function main(args: string[]): Promise<number> {
  const options = parseArgs(args);
  const info = await denoInfo(options.root);
  const { modules, errors } = localGraph(info, options.root);
  const paths = [...modules.keys()].sort();
  const next = (path: string) => [...modules.get(path)!.imports.keys()].sort();

  const circles = stronglyConnected(paths, next)
    .filter((c) => c.length > 1 || modules.get(c[0]!)!.imports.has(c[0]!))
    .map((c) => ({ members: c.sort(), cycle: shortestCycle(c, next) }))
    .sort((a, b) => a.members[0]!.localeCompare(b.members[0]!));
  const inCircle = new Set(circles.flatMap((c) => c.members));
  const oversized = paths.filter((p) => modules.get(p)!.lines > MAX_LINES);

  if (options.graph) {
    console.log(
      `module graph of mod.ts (${plural(paths.length, "module", "modules")}; ` +
        `"type " marks a type-only import, * a module in a circle):`,
    );
    for (const path of paths) {
      const m = modules.get(path)!;
      const imports = next(path).map((to) =>
        m.imports.get(to) ? `type ${to}` : to
      );
      const head = `  ${inCircle.has(path) ? "*" : " "} ${path} (${
        plural(m.lines, "line", "lines")
      })`;
      console.log(
        imports.length === 0
          ? `${head}: -`
          : `${head}: ${wrap(imports, head.length + 2, " ".repeat(6))}`,
      );
    }
  }

  for (const { members, cycle } of circles) {
    console.log(`circle: ${cycle.join(" -> ")}`);
    const typeOnly = cycle.slice(1).flatMap((to, i) => {
      const from = cycle[i]!;
      return modules.get(from)!.imports.get(to) ? [`${from} -> ${to}`] : [];
    });
    if (typeOnly.length > 0) console.log(`  type-only: ${typeOnly.join(", ")}`);
    if (members.length > cycle.length - 1) {
      const head = `  within a component of ${members.length} modules: `;
      console.log(head + wrap(members, head.length, " ".repeat(4)));
    }
  }
  for (const path of oversized) {
    console.log(
      `too long: ${path} has ${
        modules.get(path)!.lines
      } lines (at most ${MAX_LINES})`,
    );
  }
  for (const error of errors) console.log(`unresolved: ${error}`);

  console.log(
    `graph: ${plural(paths.length, "module", "modules")}, ` +
      `${plural(circles.length, "circle", "circles")}, ` +
      `${oversized.length} over ${MAX_LINES} lines` +
      (errors.length > 0
        ? `, ${
          plural(errors.length, "unresolved import", "unresolved imports")
        }`
        : ""),
  );
  return circles.length + oversized.length + errors.length > 0 ? 1 : 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
