// shutdown(immediate=True) drops the items left, counting each one as done
// (which releases join()), and every getter raises QueueShutDown at once;
// items already taken but not marked done still hold join() back.
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

async function getter(q: Queue<unknown>, name: string): Promise<void> {
  try {
    const item = await q.get();
    print(`${name}: got ${item}`);
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    print(`${name}: ${typeName(e)}`);
  }
}

async function putter(
  q: Queue<unknown>,
  name: string,
  item: number,
): Promise<void> {
  try {
    await q.put(item);
    print(`${name}: put ${item}`);
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    print(`${name}: ${typeName(e)}`);
  }
}

async function joiner(q: Queue<unknown>, name: string): Promise<void> {
  await q.join();
  print(`${name}: joined, ${q}`);
}

async function main(): Promise<void> {
  let q = new Queue<unknown>({ maxsize: 3 });
  for (let i = 0; i < 3; i++) {
    q.putNowait(i);
  }
  const putters = [0, 1].map((i) =>
    createTask(() => putter(q, `p${i}`, 10 + i))
  );
  const joiners = [0, 1].map((i) => createTask(() => joiner(q, `j${i}`)));
  await sleep(0);
  print("main:", q);
  q.shutdown(true);
  print("main: shut down,", q, "empty", q.empty());
  await gather([...putters, ...joiners]);
  await getter(q, "g");

  q = new Queue();
  for (let i = 0; i < 4; i++) {
    q.putNowait(i);
  }
  print("main: got", q.getNowait(), q.getNowait());
  const j = createTask(() => joiner(q, "j"));
  await sleep(0);
  q.shutdown(true);
  print("main: shut down,", q);
  await sleep(0);
  print("main: joiner done?", j.done());
  q.taskDone();
  print("main: one done,", q);
  q.taskDone();
  print("main: two done,", q);
  await j;
  try {
    q.taskDone();
  } catch (e) {
    print("task_done:", (e as Error).message.replace("taskDone", "task_done"));
  }

  q = new Queue();
  const getters = [0, 1].map((i) => createTask(() => getter(q, `w${i}`)));
  await sleep(0);
  q.putNowait("x");
  q.shutdown(true);
  print("main: put then shut down at once,", q);
  await gather(getters);
}

await run(main, { clock });
