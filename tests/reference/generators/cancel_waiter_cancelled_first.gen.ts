// A task awaits a future that is cancelled with 'A'; before the task's
// wakeup runs, the task itself is cancelled with 'B' (the future is done,
// so the request is kept for the next step). asyncio throws the future's
// own CancelledError('A') into the coroutine: a CancelledError it is given
// is kept, whatever the task's message. (Generator tasks.)
import {
  CancelledError,
  createTask,
  type Future,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr } from "../_py.ts";

function msg(e: CancelledError): string {
  return e.message !== "" ? pyRepr(e.message) : "no message";
}

function* waiter(fut: Future<void>): Generator<unknown, void> {
  try {
    yield* fut;
  } catch (e) {
    if (e instanceof CancelledError) print("waiter: caught", msg(e));
    throw e;
  }
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  const fut = loop.createFuture<void>();
  const t = createTask(waiter(fut));
  yield* sleep(0);
  fut.cancel("A");
  print('main: t.cancel("B") ->', t.cancel("B"), t.cancelling());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: t raised", msg(e));
  }
}

await run(main, { clock });
