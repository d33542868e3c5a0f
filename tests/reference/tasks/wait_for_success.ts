// wait_for() returns the result when the awaitable finishes in time: a
// coroutine, a task, a future set by a timer, one already done, and with no
// timeout at all; an exception of the awaitable comes through as it is.
import {
  createTask,
  getRunningLoop,
  run,
  sleep,
  waitFor,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

async function work(delay: number, value: string): Promise<string> {
  await sleep(delay);
  return value;
}

async function fails(): Promise<never> {
  await sleep(0.01);
  throw new ValueError("inner failed");
}

async function main(): Promise<void> {
  const loop = getRunningLoop();
  print("coroutine:", await waitFor(() => work(0.01, "coro"), 1));
  const t = createTask(() => work(0.01, "task"));
  print("task:", await waitFor(t, 1), t.done());
  const fut = loop.createFuture<string>();
  loop.callLater(0.01, (v) => fut.setResult(v), "timer");
  print("future:", await waitFor(fut, 1));
  const done = loop.createFuture<string>();
  done.setResult("done already");
  print("done future:", await waitFor(done, 1));
  print("done future, timeout 0:", await waitFor(done, 0));
  print("no timeout:", await waitFor(() => work(0.01, "none"), null));
  try {
    await waitFor(fails, 1);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("failure:", pyRepr(e));
  }
}

await run(main, { clock });
