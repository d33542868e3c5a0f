// A getter or putter cancelled while it waits leaves the queue: it is no
// longer counted among the waiters, and the next item (or slot) goes to
// the next one in line. (Generator tasks.)
import {
  CancelledError,
  createTask,
  ensureFuture,
  gather,
  Queue,
  run,
  sleep,
  TimeoutError,
  waitFor,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function* getter(q: Queue<unknown>, name: string): Generator<unknown, void> {
  try {
    const item = yield* q.get();
    print(`${name}: got ${item}`);
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
  const g = [0, 1, 2].map((i) => createTask(getter(q, `g${i}`)));
  yield* sleep(0);
  print("main:", q);
  g[0]!.cancel();
  print("main: cancelled g0,", q);
  yield* sleep(0);
  print("main: g0 done", g[0]!.done(), q);
  q.putNowait("a");
  q.putNowait("b");
  yield* gather(g, { returnExceptions: true });
  print("main:", q);

  q = new Queue({ maxsize: 1 });
  q.putNowait(0);
  const p = [0, 1, 2].map((i) => createTask(putter(q, `p${i}`, i + 1)));
  yield* sleep(0);
  print("main:", q);
  p[1]!.cancel();
  yield* sleep(0);
  print("main: p1 cancelled,", q);
  print("main: get", q.getNowait());
  yield* sleep(0);
  print("main:", q);
  print("main: get", q.getNowait());
  yield* sleep(0);
  print("main:", q);
  const results = yield* gather(p, { returnExceptions: true });
  print("main:", results.map(kind), q);

  q = new Queue();
  try {
    yield* ensureFuture(waitFor(q.get(), 0.01));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("wait_for: TimeoutError,", q);
  }
  q.putNowait("z");
  print("wait_for:", yield* ensureFuture(waitFor(q.get(), 1)), q);
}

await run(main, { clock });
