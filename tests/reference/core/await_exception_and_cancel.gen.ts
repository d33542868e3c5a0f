// A task receives a future's exception, or CancelledError when the future is
// cancelled, at its await, and can go on awaiting. (A generator task.)
import { CancelledError } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print, pyRepr, str, ValueError } from "../_py.ts";

const loop = newLoop();

function tick(n: number): void {
  print(`-- tick ${n}`);
  if (n < 6) {
    loop.callSoon(tick, n + 1);
  }
}

function* main(): Generator<unknown, never> {
  loop.callSoon(tick, 0);
  const failing = loop.createFuture<string>();
  loop.callSoon(
    (e) => failing.setException(e),
    new ValueError("from a callback"),
  );
  try {
    yield* failing;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("caught", pyRepr(e));
  }

  const cancelled = loop.createFuture<string>();
  loop.callSoon(() => cancelled.cancel());
  try {
    yield* cancelled;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("caught CancelledError", pyRepr(str(e)));
  }

  const withMsg = loop.createFuture<string>();
  loop.callSoon((m) => withMsg.cancel(m), "the message");
  try {
    yield* withMsg;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("caught CancelledError", pyRepr(str(e)));
  }

  const ok = loop.createFuture<string>();
  loop.callSoon((r) => ok.setResult(r), "fine");
  print("then", yield* ok);
  throw new ValueError("main fails");
}

try {
  await loop.runUntilComplete(main);
} catch (e) {
  if (!(e instanceof ValueError)) throw e;
  print("run_until_complete raised", pyRepr(e));
}
loop.close();
