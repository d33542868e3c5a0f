// A task cancelled while it waits in join() leaves no trace; join() in
// other tasks still returns when the last task_done() comes, in the order
// they began to wait.
import {
  CancelledError,
  createTask,
  gather,
  Queue,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

async function joiner(q: Queue<string>, name: string): Promise<void> {
  try {
    await q.join();
    print(`${name}: joined,`, q);
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled,`, q);
    throw e;
  }
}

async function main(): Promise<void> {
  const q = new Queue<string>();
  q.putNowait("job1");
  q.putNowait("job2");
  const joiners = [0, 1, 2].map((i) => createTask(() => joiner(q, `j${i}`)));
  await sleep(0);
  joiners[1]!.cancel();
  await sleep(0);
  print("main: got", q.getNowait(), q.getNowait());
  q.taskDone();
  await sleep(0);
  print("main: one done,", joiners.map((j) => j.done()));
  q.taskDone();
  print("main: two done,", q);
  await gather(joiners, { returnExceptions: true });
  q.putNowait("job3");
  const late = createTask(() => joiner(q, "late"));
  await sleep(0);
  q.getNowait();
  q.taskDone();
  await late;
}

await run(main, { clock });
