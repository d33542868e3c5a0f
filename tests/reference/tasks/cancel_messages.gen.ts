// Cancel messages: cancel(msg) hands msg to the CancelledError the task's
// code receives, to code awaiting the task and to result(); a future
// cancelled with a message gives it to the task awaiting it; a task
// cancelled before it starts keeps the message too. (Generator tasks.)
import {
  CancelledError,
  createTask,
  type Future,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, typeName } from "../_py.ts";

function msg(e: CancelledError): string {
  return e.message !== "" ? pyRepr(e.message) : "no message";
}

function* victim(name: string): Generator<unknown, void> {
  try {
    yield* sleep(10);
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: caught`, msg(e));
    throw e;
  }
}

function* onFuture(fut: Future<void>): Generator<unknown, string | undefined> {
  try {
    yield* fut;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("on_future: caught", msg(e));
    return "on_future swallowed it";
  }
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  const a = createTask(victim("a"));
  const b = createTask(victim("b"));
  const early = createTask(victim("early"));
  const fut = loop.createFuture<void>();
  const f = createTask(onFuture(fut));
  early.cancel("before start");
  yield* sleep(0);
  a.cancel("stop a");
  b.cancel();
  fut.cancel("future message");
  for (const t of [a, b, early]) {
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("main: awaiting it gives", msg(e));
    }
  }
  print("main:", yield* f);
  for (const t of [a, b, early]) {
    try {
      t.result();
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      // A second retrieval: see pending/cancel_message_retrieved_twice.
      print("main: result() raises", typeName(e));
    }
  }
  try {
    fut.result();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: fut.result() gives", msg(e));
  }
}

await run(main, { clock });
