// shutdown() wakes every waiting getter and putter: getters raise
// QueueShutDown once the queue is empty (items left are still handed out),
// putters raise QueueShutDown at once; put_nowait() raises too, and
// get_nowait() raises QueueShutDown instead of QueueEmpty.
import {
  createTask,
  gather,
  Queue,
  QueueShutDown,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, typeName } from "../_py.ts";

async function getter(q: Queue<number>, name: string): Promise<void> {
  try {
    for (;;) {
      const item = await q.get();
      print(`${name}: got ${item}`);
      q.taskDone();
      await sleep(0);
    }
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    print(`${name}: ${typeName(e)}, ${q}`);
  }
}

async function putter(
  q: Queue<number>,
  name: string,
  item: number,
): Promise<void> {
  try {
    await q.put(item);
    print(`${name}: put ${item}`);
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    print(`${name}: ${typeName(e)} putting ${item}, ${q}`);
  }
}

async function main(): Promise<void> {
  let q = new Queue<number>();
  let getters = [0, 1, 2].map((i) => createTask(() => getter(q, `g${i}`)));
  await sleep(0);
  print("main:", q);
  q.shutdown();
  print("main: shut down,", q);
  await gather(getters);

  q = new Queue<number>({ maxsize: 2 });
  q.putNowait(1);
  q.putNowait(2);
  const putters = [0, 1].map((i) =>
    createTask(() => putter(q, `p${i}`, 10 + i))
  );
  await sleep(0);
  print("main:", q);
  q.shutdown();
  print("main: shut down,", q);
  await gather(putters);
  for (const attempt of ["putNowait", "getNowait", "getNowait", "getNowait"]) {
    try {
      if (attempt === "putNowait") {
        q.putNowait(3);
      } else {
        print("get_nowait", "->", q.getNowait());
      }
    } catch (e) {
      print(
        attempt === "putNowait" ? "put_nowait" : "get_nowait",
        "raised",
        typeName(e),
      );
    }
  }
  getters = [0, 1].map((i) => createTask(() => getter(q, `late${i}`)));
  await gather(getters);
  print("join with unfinished tasks?", q);
  q.taskDone();
  q.taskDone();
  await q.join();
  print("joined", q);
}

await run(main, { clock });
