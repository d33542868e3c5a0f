// wait_for() on event.wait(): it times out and leaves no waiter behind, or
// returns True when the event is set in time. (A generator main task:
// waitFor's promise is awaited through ensureFuture.)
import {
  ensureFuture,
  Event,
  getRunningLoop,
  run,
  TimeoutError,
  waitFor,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

function* main() {
  const loop = getRunningLoop();
  const event = new Event();
  try {
    yield* ensureFuture(waitFor(event.wait(), 0.01));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("main: timed out,", r(event));
  }
  loop.callLater(0.01, () => event.set());
  print(
    "main: wait_for ->",
    yield* ensureFuture(waitFor(event.wait(), 5)),
    r(event),
  );
}

await run(main, { clock });
