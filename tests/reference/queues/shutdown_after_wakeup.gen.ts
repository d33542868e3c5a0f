// A getter woken by put_nowait() whose item is taken by someone else, and
// the queue then shut down, raises QueueShutDown; a putter woken by
// get_nowait() then shut down raises QueueShutDown too (put_nowait refuses). (Generator tasks.)
import { createTask, Queue, QueueShutDown, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function* getter(q: Queue<unknown>, name: string): Generator<unknown, void> {
  try {
    print(`${name}: got`, yield* q.get());
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    print(`${name}: QueueShutDown,`, q);
  }
}

function* putter(
  q: Queue<unknown>,
  name: string,
  item: unknown,
): Generator<unknown, void> {
  try {
    yield* q.put(item);
    print(`${name}: put`, item);
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    print(`${name}: QueueShutDown,`, q);
  }
}

function* main(): Generator<unknown, void> {
  let q = new Queue<unknown>();
  const g = createTask(getter(q, "g"));
  yield* sleep(0);
  q.putNowait(1);
  print("main: stole", q.getNowait(), q);
  yield* sleep(0);
  print("main: g waits again,", q);
  q.putNowait(2);
  print("main: stole", q.getNowait());
  q.shutdown();
  print("main:", q);
  yield* g;

  q = new Queue({ maxsize: 1 });
  q.putNowait("a");
  let p = createTask(putter(q, "p", "b"));
  yield* sleep(0);
  print("main: got", q.getNowait(), q);
  q.shutdown();
  yield* p;
  print("main:", q);

  q = new Queue({ maxsize: 1 });
  q.putNowait("a");
  p = createTask(putter(q, "p2", "b"));
  yield* sleep(0);
  print("main: got", q.getNowait(), q);
  q.putNowait("c");
  print("main: refilled", q);
  yield* sleep(0);
  print("main: p2 waits again,", q);
  q.shutdown(true);
  yield* p;
}

await run(main, { clock });
