// A getter woken by put_nowait() whose item is taken by someone else, and
// the queue then shut down, raises QueueShutDown; a putter woken by
// get_nowait() then shut down raises QueueShutDown too (put_nowait refuses).
import { createTask, Queue, QueueShutDown, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

async function getter(q: Queue<unknown>, name: string): Promise<void> {
  try {
    print(`${name}: got`, await q.get());
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    print(`${name}: QueueShutDown,`, q);
  }
}

async function putter(
  q: Queue<unknown>,
  name: string,
  item: unknown,
): Promise<void> {
  try {
    await q.put(item);
    print(`${name}: put`, item);
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    print(`${name}: QueueShutDown,`, q);
  }
}

async function main(): Promise<void> {
  let q = new Queue<unknown>();
  const g = createTask(() => getter(q, "g"));
  await sleep(0);
  q.putNowait(1);
  print("main: stole", q.getNowait(), q);
  await sleep(0);
  print("main: g waits again,", q);
  q.putNowait(2);
  print("main: stole", q.getNowait());
  q.shutdown();
  print("main:", q);
  await g;

  q = new Queue({ maxsize: 1 });
  q.putNowait("a");
  let p = createTask(() => putter(q, "p", "b"));
  await sleep(0);
  print("main: got", q.getNowait(), q);
  q.shutdown();
  await p;
  print("main:", q);

  q = new Queue({ maxsize: 1 });
  q.putNowait("a");
  p = createTask(() => putter(q, "p2", "b"));
  await sleep(0);
  print("main: got", q.getNowait(), q);
  q.putNowait("c");
  print("main: refilled", q);
  await sleep(0);
  print("main: p2 waits again,", q);
  q.shutdown(true);
  await p;
}

await run(main, { clock });
