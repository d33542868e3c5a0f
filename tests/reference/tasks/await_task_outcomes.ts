// Awaiting a task gives its result or raises its exception, one iteration
// after it finishes; a task that is already done gives it without yielding;
// done callbacks on tasks are scheduled with call_soon.
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

async function ok(): Promise<string> {
  await sleep(0);
  print("ok: returns");
  return "fine";
}

async function bad(): Promise<never> {
  await sleep(0);
  print("bad: raises");
  throw new ValueError("bad");
}

async function main(): Promise<void> {
  const loop = getRunningLoop();
  const tOk = createTask(ok);
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
  print("main: t_ok gave", await tOk);
  try {
    await tBad;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("main: t_bad raised", pyRepr(e));
  }
  print("main: awaits the done t_ok again");
  print("main: t_ok gave", await tOk, "without yielding");
  print("main: exception()", tOk.exception(), pyRepr(tBad.exception()));
  try {
    tBad.result();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("main: result() raises", pyRepr(e));
  }
  await sleep(0);
  print("main: returns");
}

await run(main, { clock });
