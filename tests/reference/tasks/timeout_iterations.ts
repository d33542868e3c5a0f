// The iterations of a timeout that expires without a timer, against a
// ticker: a deadline already past is handled by a callback in the next
// iteration, the code gets CancelledError one iteration after that, and
// the TimeoutError comes in the same step. A task already cancelled when it
// enters a timeout keeps that request: the expiry still gives TimeoutError.
import {
  CancelledError,
  currentTask,
  type EventLoop,
  getRunningLoop,
  run,
  sleep,
  timeout,
  TimeoutError,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function tick(loop: EventLoop, n: number): void {
  print(`-- tick ${n}`);
  if (n < 6) {
    loop.callSoon(tick, loop, n + 1);
  }
}

async function main(): Promise<void> {
  const loop = getRunningLoop();
  const me = currentTask()!;
  loop.callSoon(tick, loop, 0);
  try {
    await timeout(-1, async () => {
      print("body: starts; awaits a future");
      try {
        await loop.createFuture();
      } catch (e) {
        if (e instanceof CancelledError) print("body: cancelled");
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("TimeoutError");
  }
  await sleep(0);

  me.cancel();
  try {
    await sleep(0);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(
      "main: caught its own cancellation, keeps it; cancelling() =",
      me.cancelling(),
    );
  }
  try {
    await timeout(0, async () => {
      await sleep(0);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("TimeoutError again; cancelling() =", me.cancelling());
  }
  me.uncancel();
}

await run(main, { clock });
