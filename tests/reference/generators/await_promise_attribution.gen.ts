// A task awaits a coroutine of its own through ensure_future() while
// another task wakes up: the coroutine's awaits belong to the task that
// ensure_future() made, not to the other task. So current_task() in the
// coroutine is not the other task, and cancelling the other task cancels
// that task alone, not the future the coroutine awaits. (Generator G calls
// the async helper in its step; the loop lets the helper run to its first
// await of a future right after that step, with no task current, so the
// await is the ensureFuture task's, not A's.)
import {
  CancelledError,
  currentTask,
  ensureFuture,
  type Future,
  gather,
  getRunningLoop,
  run,
  sleep,
  type Task,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

async function helper(
  futH: Future<void>,
  futH2: Future<void>,
  a: Task<void>,
): Promise<string> {
  await futH;
  print("helper: resumed; current task is A:", currentTask() === a);
  try {
    await futH2;
  } catch (e) {
    if (e instanceof CancelledError) print("helper: cancelled");
    throw e;
  }
  return "helper value";
}

async function aBody(futA: Future<void>): Promise<void> {
  await futA;
  try {
    await getRunningLoop().createFuture();
  } catch (e) {
    if (e instanceof CancelledError) print("A: cancelled");
    throw e;
  }
}

function* gBody(
  futH: Future<void>,
  futH2: Future<void>,
  a: Task<void>,
): Generator<unknown, void> {
  yield;
  try {
    print("G: got", yield* ensureFuture(helper(futH, futH2, a)));
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("G: cancelled");
  }
}

async function main(): Promise<void> {
  const loop = getRunningLoop();
  const futA = loop.createFuture<void>();
  const futH = loop.createFuture<void>();
  const futH2 = loop.createFuture<void>();
  const a = loop.createTask(() => aBody(futA), { name: "A" });
  const g = loop.createTask(gBody(futH, futH2, a), { name: "G" });
  await sleep(0);
  futA.setResult();
  await sleep(0.01);
  futH.setResult();
  await sleep(0.01);
  print("main: cancel(A) ->", a.cancel());
  await sleep(0.01);
  print("main: A done", a.done(), "; G done", g.done());
  if (!futH2.done()) {
    futH2.setResult();
  }
  await sleep(0.01);
  print("main: A cancelled", a.cancelled(), "; G done", g.done());
  if (!a.done()) {
    a.cancel();
  }
  await gather([a, g], { returnExceptions: true });
}

await run(main, { clock });
