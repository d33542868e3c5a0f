// Awaiting a task gives its result or raises its exception, one iteration
// after it finishes; a task that is already done gives it without yielding;
// done callbacks on tasks are scheduled with call_soon. Generator tasks:
// `yield* task` evaluates to the result or throws the exception.
import {
  createTask,
  type EventLoop,
  getRunningLoop,
  InvalidStateError,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

function tick(loop: EventLoop, n: number): void {
  print(`-- tick ${n}`);
  if (n < 6) {
    loop.callSoon(tick, loop, n + 1);
  }
}

function* ok(): Generator<unknown, string> {
  yield* sleep(0);
  print("ok: returns");
  return "fine";
}

function* bad(): Generator<unknown, never> {
  yield;
  print("bad: raises");
  throw new ValueError("bad");
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  const tOk = createTask(ok());
  const tBad = createTask(bad);
  loop.callSoon(tick, loop, 0);
  tOk.addDoneCallback((t) => print("done callback: ok", t.result()));
  tBad.addDoneCallback((t) =>
    print("done callback: bad", pyRepr(t.exception()))
  );
  try {
    tOk.result();
  } catch (e) {
    if (!(e instanceof InvalidStateError)) throw e;
    print("main: result() while pending:", e);
  }
  print("main: awaits t_ok");
  print("main: t_ok gave", yield* tOk);
  try {
    yield* tBad;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("main: t_bad raised", pyRepr(e));
  }
  print("main: awaits the done t_ok again");
  print("main: t_ok gave", yield* tOk, "without yielding");
  print("main: exception()", tOk.exception(), pyRepr(tBad.exception()));
  try {
    tBad.result();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("main: result() raises", pyRepr(e));
  }
  yield* sleep(0);
  print("main: returns");
}

await run(main, { clock });
