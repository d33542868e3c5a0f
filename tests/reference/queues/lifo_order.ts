// A LifoQueue hands out the item put last; waiting getters are still served
// first come, first served.
import { createTask, gather, LifoQueue, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

async function getter(q: LifoQueue<unknown>, name: string): Promise<void> {
  const item = await q.get();
  print(`${name}: got ${item}, ${q}`);
  q.taskDone();
}

async function main(): Promise<void> {
  const q = new LifoQueue<unknown>();
  for (const i of [1, 3, 2]) {
    await q.put(i);
  }
  print(q);
  print("order:", [q.getNowait(), q.getNowait(), q.getNowait()]);
  const tasks = [0, 1, 2].map((i) => createTask(() => getter(q, `g${i}`)));
  await sleep(0);
  print("waiting:", q);
  q.putNowait("a");
  q.putNowait("b");
  print("after two puts:", q);
  await sleep(0);
  q.putNowait("c");
  q.putNowait("d");
  await gather(tasks);
  print("left:", q);
  const q2 = new LifoQueue<number>({ maxsize: 2 });
  q2.putNowait(1);
  q2.putNowait(2);
  const t = createTask(q2.put(3));
  await sleep(0);
  print("putter waiting:", q2);
  print("get", q2.getNowait());
  await t;
  print("after put:", q2, [q2.getNowait(), q2.getNowait()]);
}

await run(main, { clock });
