/**
 * A bounded queue feeding three workers: the producer waits while the queue
 * is full, `join()` waits for the last job, and `shutdown()` ends the
 * workers' `for await` loops. It prints what its Python counterpart,
 * tests/reference/queues/producer_consumer.py, prints with asyncio 3.13.
 *
 * Run: deno run examples/producer_consumer.ts
 *
 * @module
 */

import { createTask, gather, Queue, run, sleep } from "../mod.ts";

type Job = [name: string, seconds: number];

const JOBS: Job[] = [
  ["resize", 0.3],
  ["upload", 0.1],
  ["thumbnail", 0.2],
  ["email", 0.05],
  ["index", 0.25],
  ["backup", 0.45],
  ["notify", 0.15],
  ["report", 0.35],
];

async function worker(name: string, queue: Queue<Job>, log: string[]) {
  // Each item is marked done (queue.taskDone()) after the loop's body; the
  // loop ends once the queue is shut down and empty.
  for await (const [job, seconds] of queue) {
    console.log(`${name} starts ${job}`);
    await sleep(seconds);
    log.push(job);
    console.log(`${name} finished ${job}`);
  }
  console.log(`${name} stops: the queue is shut down`);
}

async function main(): Promise<void> {
  const queue = new Queue<Job>({ maxsize: 2 });
  const log: string[] = [];
  const workers = [1, 2, 3].map((i) =>
    createTask(() => worker(`worker-${i}`, queue, log))
  );
  for (const [job, seconds] of JOBS) {
    await queue.put([job, seconds]);
    console.log(`queued ${job} (${queue.qsize()} waiting)`);
  }
  await queue.join();
  console.log(`all ${log.length} jobs done`);
  queue.shutdown();
  await gather(workers);
}

await run(main);
