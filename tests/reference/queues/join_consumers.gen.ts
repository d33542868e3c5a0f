// join() waits until task_done() was called for every item put, with
// several consumers that take items in FIFO order of their waiting; join()
// returns at once when no task is unfinished, before and after. (Generator tasks.)
import { createTask, gather, Queue, run, sleep } from "../../../mod.ts";
import { print, typeName } from "../_py.ts";
import { clock } from "../_loop.ts";

function* consumer(
  q: Queue<number>,
  name: string,
  work: number,
): Generator<unknown, void> {
  for (;;) {
    const item = yield* q.get();
    print(`${name}: got ${item}`);
    for (let i = 0; i < work; i++) {
      yield* sleep(0);
    }
    print(`${name}: done ${item}`);
    q.taskDone();
  }
}

function* joiner(q: Queue<number>, name: string): Generator<unknown, void> {
  print(`${name}: waiting`);
  yield* q.join();
  print(`${name}: joined, ${q}`);
}

function* main(): Generator<unknown, void> {
  const q = new Queue<number>();
  const consumers = [0, 1, 2].map((i) =>
    createTask(consumer(q, `c${i}`, i + 1))
  );
  const j0 = createTask(joiner(q, "j0"));
  yield* sleep(0);
  for (let item = 0; item < 7; item++) {
    q.putNowait(item);
  }
  print("main: put 7 items,", q);
  const j1 = createTask(joiner(q, "j1"));
  yield* sleep(0);
  const j2 = createTask(joiner(q, "j2"));
  yield* q.join();
  print("main: joined,", q);
  yield* gather([j0, j1, j2]);
  yield* q.join();
  print("main: joined again at once");
  for (const c of consumers) {
    c.cancel();
  }
  const results = yield* gather(consumers, { returnExceptions: true });
  print("consumers:", results.map((r) => typeName(r)));
}

await run(main, { clock });
