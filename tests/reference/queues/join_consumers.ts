// join() waits until task_done() was called for every item put, with
// several consumers that take items in FIFO order of their waiting; join()
// returns at once when no task is unfinished, before and after.
import { createTask, gather, Queue, run, sleep } from "../../../mod.ts";
import { print, typeName } from "../_py.ts";
import { clock } from "../_loop.ts";

async function consumer(
  q: Queue<number>,
  name: string,
  work: number,
): Promise<void> {
  for (;;) {
    const item = await q.get();
    print(`${name}: got ${item}`);
    for (let i = 0; i < work; i++) {
      await sleep(0);
    }
    print(`${name}: done ${item}`);
    q.taskDone();
  }
}

async function joiner(q: Queue<number>, name: string): Promise<void> {
  print(`${name}: waiting`);
  await q.join();
  print(`${name}: joined, ${q}`);
}

async function main(): Promise<void> {
  const q = new Queue<number>();
  const consumers = [0, 1, 2].map((i) =>
    createTask(() => consumer(q, `c${i}`, i + 1))
  );
  const j0 = createTask(() => joiner(q, "j0"));
  await sleep(0);
  for (let item = 0; item < 7; item++) {
    q.putNowait(item);
  }
  print("main: put 7 items,", q);
  const j1 = createTask(() => joiner(q, "j1"));
  await sleep(0);
  const j2 = createTask(() => joiner(q, "j2"));
  await q.join();
  print("main: joined,", q);
  await gather([j0, j1, j2]);
  await q.join();
  print("main: joined again at once");
  for (const c of consumers) {
    c.cancel();
  }
  const results = await gather(consumers, { returnExceptions: true });
  print("consumers:", results.map((r) => typeName(r)));
}

await run(main, { clock });
