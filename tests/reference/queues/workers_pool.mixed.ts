// The classic worker pool: a producer fills a bounded queue, workers take
// jobs as they free up, join() waits for the last job, then the workers are
// cancelled and report what they did. (Generator workers, async main.)
import { CancelledError, createTask, Queue, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function* worker(
  name: string,
  q: Queue<number>,
  done: string[],
): Generator<unknown, void> {
  let count = 0;
  try {
    for (;;) {
      const job = yield* q.get();
      for (let i = 0; i < job; i++) {
        yield* sleep(0);
      }
      done.push(`${name}:${job}`);
      count += 1;
      q.taskDone();
    }
  } catch (e) {
    if (e instanceof CancelledError) {
      print(`${name}: cancelled after ${count} jobs`);
    }
    throw e;
  }
}

async function producer(q: Queue<number>, jobs: number[]): Promise<void> {
  for (const job of jobs) {
    await q.put(job);
    print(`producer: queued ${job}, ${q}`);
  }
}

async function main(): Promise<void> {
  const q = new Queue<number>({ maxsize: 3 });
  const done: string[] = [];
  const workers = [0, 1, 2].map((i) => createTask(worker(`w${i}`, q, done)));
  await producer(q, [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]);
  print("main: all queued,", q);
  await q.join();
  print("main: joined,", q);
  print("done:", done.join(" "));
  for (const w of workers) {
    w.cancel();
  }
  for (const w of workers) {
    try {
      await w;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
    }
  }
}

await run(main, { clock });
