// A LifoQueue hands out the item put last; waiting getters are still served
// first come, first served. (Generator tasks.)
import { createTask, gather, LifoQueue, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function* getter(
  q: LifoQueue<unknown>,
  name: string,
): Generator<unknown, void> {
  const item = yield* q.get();
  print(`${name}: got ${item}, ${q}`);
  q.taskDone();
}

function* main(): Generator<unknown, void> {
  const q = new LifoQueue<unknown>();
  for (const i of [1, 3, 2]) {
    yield* q.put(i);
  }
  print(q);
  print("order:", [q.getNowait(), q.getNowait(), q.getNowait()]);
  const tasks = [0, 1, 2].map((i) => createTask(getter(q, `g${i}`)));
  yield* sleep(0);
  print("waiting:", q);
  q.putNowait("a");
  q.putNowait("b");
  print("after two puts:", q);
  yield* sleep(0);
  q.putNowait("c");
  q.putNowait("d");
  yield* gather(tasks);
  print("left:", q);
  const q2 = new LifoQueue<number>({ maxsize: 2 });
  q2.putNowait(1);
  q2.putNowait(2);
  const t = createTask(q2.put(3));
  yield* sleep(0);
  print("putter waiting:", q2);
  print("get", q2.getNowait());
  yield* t;
  print("after put:", q2, [q2.getNowait(), q2.getNowait()]);
}

await run(main, { clock });
