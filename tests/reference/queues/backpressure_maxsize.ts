// A bounded queue holds the producer back: put() waits while the queue is
// full and resumes, in FIFO order with other putters, when a get frees a
// slot; the consumer is slower than the producer.
import { createTask, gather, Queue, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, str } from "../_py.ts";

async function producer(
  q: Queue<unknown>,
  name: string,
  items: unknown[],
): Promise<void> {
  for (const item of items) {
    print(`${name}: put ${item}? full=${str(q.full())} qsize=${q.qsize()}`);
    await q.put(item);
    print(`${name}: put ${item} done, ${q}`);
  }
  print(`${name}: finished`);
}

async function consumer(q: Queue<unknown>, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const item = await q.get();
    print(`consumer: got ${item}, ${q}`);
    await sleep(0);
    await sleep(0);
    q.taskDone();
  }
  print("consumer: finished");
}

async function main(): Promise<void> {
  const q = new Queue<unknown>({ maxsize: 2 });
  print(q, "maxsize", q.maxsize, "empty", q.empty(), "full", q.full());
  const c = createTask(() => consumer(q, 7));
  const a = createTask(() => producer(q, "a", [1, 2, 3, 4]));
  const b = createTask(() => producer(q, "b", ["x", "y", "z"]));
  await gather([a, b, c]);
  print("end", q);
}

await run(main, { clock });
