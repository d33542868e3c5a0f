// Five workers interleave, each with its own value of the same variable,
// across sleep(0) rounds and timers; an async function awaited directly
// runs in its caller's context, so what it sets is the caller's.
import { ContextVar, gather, LookupError, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr } from "../_py.ts";

const workerId = new ContextVar<number>("worker_id");
const trail = new ContextVar<readonly string[]>("trail", { default: [] });

/** Python's repr() of a tuple of strings. */
function tuple(items: readonly string[]): string {
  if (items.length === 1) return `(${pyRepr(items[0])},)`;
  return `(${items.map(pyRepr).join(", ")})`;
}

async function step(label: string): Promise<void> {
  trail.set([...trail.get(), label]);
  await sleep(0);
}

async function worker(i: number): Promise<number> {
  workerId.set(i);
  for (let r = 0; r < 3; r++) {
    await sleep(0);
    print(`worker ${i} round ${r} sees`, workerId.get());
    await step(`${i}.${r}`);
  }
  await sleep(0.01 * (5 - i));
  print(`worker ${i} after its timer sees`, workerId.get(), tuple(trail.get()));
  return workerId.get();
}

async function main(): Promise<void> {
  print(
    "main: results",
    await gather([0, 1, 2, 3, 4].map((i) => () => worker(i))),
  );
  try {
    workerId.get();
  } catch (e) {
    if (!(e instanceof LookupError)) throw e;
    print("main: worker_id is not set here");
  }
  print("main: trail", tuple(trail.get()));
}

await run(main, { clock });
