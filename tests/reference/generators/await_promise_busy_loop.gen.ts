// A task awaits work that ends within a few iterations (a coroutine that
// awaits a future, wait_for(), a TaskGroup, a timeout block) while another
// task keeps the loop busy for 100 iterations: each await is over long
// before the busy task is done. (A generator task awaits these promises
// with `yield* ensureFuture(promise)`: the loop gives the promise's code its
// microtask turns right after the generator's step, busy or not.)
import {
  createTask,
  ensureFuture,
  type Future,
  getRunningLoop,
  run,
  TaskGroup,
  timeout,
  waitFor,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function* spinner(steps: number): Generator<unknown, void> {
  for (let i = 0; i < steps; i++) {
    yield;
  }
  print("spinner: done");
}

async function helper(fut: Future<number>): Promise<number> {
  return 2 * await fut;
}

function* job(name: string): Generator<unknown, string> {
  yield;
  return name;
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  const s = createTask(spinner(100));
  const fut = loop.createFuture<number>();
  loop.callSoon((v) => fut.setResult(v), 21);
  print(
    "main: helper gives",
    yield* ensureFuture(helper(fut)),
    "; spinner done:",
    s.done(),
  );
  print(
    "main: wait_for gives",
    yield* ensureFuture(waitFor(job("w"), 1)),
    "; spinner done:",
    s.done(),
  );
  const tg = new TaskGroup();
  tg.enter();
  const t = tg.createTask(job("tg"));
  yield* ensureFuture(tg.exit());
  print("main: the group gives", t.result(), "; spinner done:", s.done());
  const cm = timeout(1);
  cm.enter();
  const value = yield* job("timeout");
  cm.exit();
  print("main: in the timeout block", value, "; spinner done:", s.done());
  yield* s;
}

await run(main, { clock });
