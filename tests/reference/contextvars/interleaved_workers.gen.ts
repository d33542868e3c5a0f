// Five workers interleave, each with its own value of the same variable,
// across sleep(0) rounds and timers; a generator delegated to with yield*
// runs in its caller's context, so what it sets is the caller's.
// (Generator tasks.)
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

function* step(label: string): Generator<unknown, void> {
  trail.set([...trail.get(), label]);
  yield* sleep(0);
}

function* worker(i: number): Generator<unknown, number> {
  workerId.set(i);
  for (let r = 0; r < 3; r++) {
    yield* sleep(0);
    print(`worker ${i} round ${r} sees`, workerId.get());
    yield* step(`${i}.${r}`);
  }
  yield* sleep(0.01 * (5 - i));
  print(`worker ${i} after its timer sees`, workerId.get(), tuple(trail.get()));
  return workerId.get();
}

function* main(): Generator<unknown, void> {
  const results = yield* gather([0, 1, 2, 3, 4].map((i) => worker(i)));
  print("main: results", results);
  try {
    workerId.get();
  } catch (e) {
    if (!(e instanceof LookupError)) throw e;
    print("main: worker_id is not set here");
  }
  print("main: trail", tuple(trail.get()));
}

await run(main, { clock });
