// A task cancelled while it waits in join() leaves no trace; join() in
// other tasks still returns when the last task_done() comes, in the order
// they began to wait. (Generator tasks.)
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

function* joiner(q: Queue<string>, name: string): Generator<unknown, void> {
  try {
    yield* q.join();
    print(`${name}: joined,`, q);
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled,`, q);
    throw e;
  }
}

function* main(): Generator<unknown, void> {
  const q = new Queue<string>();
  q.putNowait("job1");
  q.putNowait("job2");
  const joiners = [0, 1, 2].map((i) => createTask(joiner(q, `j${i}`)));
  yield* sleep(0);
  joiners[1]!.cancel();
  yield* sleep(0);
  print("main: got", q.getNowait(), q.getNowait());
  q.taskDone();
  yield* sleep(0);
  print("main: one done,", joiners.map((j) => j.done()));
  q.taskDone();
  print("main: two done,", q);
  yield* gather(joiners, { returnExceptions: true });
  q.putNowait("job3");
  const late = createTask(joiner(q, "late"));
  yield* sleep(0);
  q.getNowait();
  q.taskDone();
  yield* late;
}

await run(main, { clock });
