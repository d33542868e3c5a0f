// Tasks that run q.get() and q.put() themselves (create_task of the
// coroutine): a cancelled getter leaves the next item to the one behind it,
// a cancelled putter leaves its slot; the others keep their FIFO turns.
import { createTask, gather, Queue, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

async function main(): Promise<void> {
  let q = new Queue<string | number>();
  const t1 = createTask(q.get());
  const t2 = createTask(q.get());
  await sleep(0);
  t1.cancel();
  await sleep(0);
  print("t1 done", t1.done(), "cancelled", t1.cancelled(), q);
  await q.put("a");
  await sleep(0);
  print("t2 ->", await t2, q);

  q = new Queue({ maxsize: 1 });
  const putA = createTask(q.put("a"));
  const putB = createTask(q.put("b"));
  const putC = createTask(q.put("X"));
  await sleep(0);
  print("put_a done", putA.done(), "put_b done", putB.done(), q);
  putC.cancel();
  await sleep(0);
  print("put_c done", putC.done(), q);
  print("get", q.getNowait());
  await sleep(0);
  print("get", q.getNowait(), q);
  await putB;
  print("put_b done", putB.done(), q);

  q = new Queue({ maxsize: 1 });
  const putters = [0, 1, 2, 3].map((i) => createTask(q.put(i)));
  for (let i = 0; i < 4; i++) {
    print("get", await q.get(), q);
  }
  await gather(putters);
  print("end", q);
}

await run(main, { clock });
