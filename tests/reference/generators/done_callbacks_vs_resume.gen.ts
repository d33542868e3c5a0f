// A task resumes from a future in its place among the future's done
// callbacks (in the order they were registered), in the iteration after
// the future is set, behind callbacks queued before it was set; what the
// resumed code schedules runs after everything of that iteration, and a
// done callback added to the finished future is scheduled at once. A task
// that adds done callbacks to itself sees them run after it finishes,
// together with the resumption of the task awaiting it. (Generator tasks,
// but for `b`, an async function.)
import {
  createTask,
  currentTask,
  type Future,
  gather,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function* waiter(
  name: string,
  fut: Future<number>,
): Generator<unknown, string> {
  const loop = getRunningLoop();
  print(`${name}: waits`);
  const value = yield* fut;
  print(`${name}: resumed with ${value}`);
  loop.callSoon(print, `call_soon from ${name}`);
  fut.addDoneCallback(() => print(`done callback added by ${name}`));
  return name;
}

async function asyncWaiter(name: string, fut: Future<number>): Promise<string> {
  const loop = getRunningLoop();
  print(`${name}: waits`);
  const value = await fut;
  print(`${name}: resumed with ${value}`);
  loop.callSoon(print, `call_soon from ${name}`);
  fut.addDoneCallback(() => print(`done callback added by ${name}`));
  return name;
}

function* finisher(): Generator<unknown, string> {
  const me = currentTask()!;
  me.addDoneCallback(() => print("finisher: own callback 1"));
  yield;
  me.addDoneCallback(() => print("finisher: own callback 2"));
  print("finisher: returns");
  return "finished";
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  const fut = loop.createFuture<number>();
  fut.addDoneCallback(() => print("done callback 1"));
  const a = createTask(waiter("a", fut));
  yield* sleep(0);
  fut.addDoneCallback(() => print("done callback 2"));
  const b = createTask(() => asyncWaiter("b", fut));
  const c = createTask(waiter("c", fut));
  yield;
  fut.addDoneCallback(() => print("done callback 3"));
  loop.callSoon(print, "plain callback before set_result");
  fut.setResult(7);
  loop.callSoon(print, "plain callback after set_result");
  print("main: set the result");
  print("main: waiters give", yield* gather([a, b, c]));
  const f = createTask(finisher);
  f.addDoneCallback(() => print("main: callback on finisher"));
  print("main: finisher gives", yield* f);
  yield* sleep(0);
  print("main: returns");
}

await run(main, { clock });
