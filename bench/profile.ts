/**
 * Profiles one workload under Deno and summarises where the time goes.
 *
 * ```sh
 * deno run -A bench/profile.ts <workload> [N]      # runs it with --cpu-prof
 * deno run -A bench/profile.ts --summary FILE.cpuprofile
 * ```
 *
 * Prints the functions with the most self time and the most inclusive time
 * (warm-up included: the profile covers the whole process), with
 * `(garbage collector)` and `(program)` (V8 and host work outside JS) as
 * their own entries. Library files are shown relative to the repository.
 *
 * @module
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const ROOT = new URL("..", import.meta.url).href;

function frameName(frame: CallFrame): string {
  const name = frame.functionName || "(anonymous)";
  if (!frame.url) return name;
  const file = frame.url.startsWith(ROOT)
    ? frame.url.slice(ROOT.length)
    : frame.url.replace(/^.*\//, "");
  return `${name} ${file}:${frame.lineNumber + 1}`;
}

/** Self and inclusive milliseconds per function (summed over call sites). */
export function summarize(
  profile: Profile,
): { total: number; rows: { name: string; self: number; total: number }[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    // V8 attributes each delta to the next sample.
    const dt = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, dt));
  }
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    total += us;
    const node = byId.get(id)!;
    const name = frameName(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + us);
    // Inclusive: count each function once per stack.
    const seen = new Set<string>();
    for (
      let at: number | undefined = id;
      at !== undefined;
      at = parent.get(at)
    ) {
      const frame = frameName(byId.get(at)!.callFrame);
      if (seen.has(frame)) continue;
      seen.add(frame);
      inclusive.set(frame, (inclusive.get(frame) ?? 0) + us);
    }
  }
  const rows = [...inclusive.keys()].map((name) => ({
    name,
    self: (self.get(name) ?? 0) / 1000,
    total: inclusive.get(name)! / 1000,
  }));
  return { total: total / 1000, rows };
}

function print(file: string, profile: Profile, top = 25): void {
  const { total, rows } = summarize(profile);
  const pct = (ms: number) => `${(100 * ms / total).toFixed(1)}%`.padStart(6);
  console.log(`${file}: ${total.toFixed(0)} ms sampled`);
  console.log("\nself time:");
  for (const row of [...rows].sort((a, b) => b.self - a.self).slice(0, top)) {
    if (row.self <= 0) break;
    console.log(
      `${pct(row.self)} ${row.self.toFixed(1).padStart(8)} ms  ${row.name}`,
    );
  }
  console.log("\ninclusive time:");
  for (const row of [...rows].sort((a, b) => b.total - a.total).slice(0, top)) {
    console.log(
      `${pct(row.total)} ${row.total.toFixed(1).padStart(8)} ms  ${row.name}`,
    );
  }
}

async function main(args: string[]): Promise<number> {
  if (args[0] === "--summary" && args[1] !== undefined) {
    print(args[1], JSON.parse(await Deno.readTextFile(args[1])) as Profile);
    return 0;
  }
  if (args.length === 0) {
    console.error(
      "usage: deno run -A bench/profile.ts <workload> [N] | --summary FILE",
    );
    return 2;
  }
  const dir = await Deno.makeTempDir({ prefix: "asyncio-ts-prof-" });
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "--cpu-prof",
      `--cpu-prof-dir=${dir}`,
      new URL("./workloads.ts", import.meta.url).pathname,
      ...args,
    ],
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (output.code !== 0) return output.code;
  for await (const entry of Deno.readDir(dir)) {
    if (!entry.name.endsWith(".cpuprofile")) continue;
    const file = `${dir}/${entry.name}`;
    print(file, JSON.parse(await Deno.readTextFile(file)) as Profile);
  }
  return 0;
}

if (import.meta.main) Deno.exitCode = await main(Deno.args);
