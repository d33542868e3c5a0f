// A getter woken by put_nowait() but cancelled before it runs passes the
// wake-up on to the next getter, and the item stays for it; the same for a
// putter woken by get_nowait(). No item and no slot is lost. (Generator tasks.)
import {
  CancelledError,
  createTask,
  gather,
  Queue,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function* getter(q: Queue<unknown>, name: string): Generator<unknown, unknown> {
  try {
    const item = yield* q.get();
    print(`${name}: got ${item}`);
    return item;
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled, ${q}`);
    throw e;
  }
}

function* putter(
  q: Queue<unknown>,
  name: string,
  item: number,
): Generator<unknown, void> {
  try {
    yield* q.put(item);
    print(`${name}: put ${item}`);
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled, ${q}`);
    throw e;
  }
}

function kind(r: unknown): string {
  return r instanceof Error ? r.name : "NoneType";
}

function* main(): Generator<unknown, void> {
  let q = new Queue<unknown>();
  let reader = createTask(getter(q, "r1"));
  yield* sleep(0);
  q.putNowait(1);
  q.putNowait(2);
  reader.cancel();
  try {
    yield* reader;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: r1 cancelled; again");
    reader = createTask(getter(q, "r2"));
    print("main: r2 ->", yield* reader);
  }

  q = new Queue();
  const g = [0, 1, 2].map((i) => createTask(getter(q, `g${i}`)));
  yield* sleep(0);
  q.putNowait("a");
  print("main: put a,", q);
  g[0]!.cancel();
  yield* sleep(0);
  print("main:", q, g.map((t) => t.done()));
  q.putNowait("b");
  let results = yield* gather(g, { returnExceptions: true });
  print("main:", results.map((r) => typeof r === "string" ? r : kind(r)));

  q = new Queue({ maxsize: 1 });
  q.putNowait("full");
  const p = [0, 1, 2].map((i) => createTask(putter(q, `p${i}`, i)));
  yield* sleep(0);
  print("main: get", q.getNowait(), q);
  p[0]!.cancel();
  yield* sleep(0);
  print("main:", q, p.map((t) => t.done()));
  yield* sleep(0);
  print("main: get", q.getNowait(), q);
  yield* sleep(0);
  print("main:", q);
  results = yield* gather(p, { returnExceptions: true });
  print("main:", results.map(kind), q);
}

await run(main, { clock });
