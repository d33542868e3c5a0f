// A task cancelled before its first step never runs its code: it is not
// cancelled yet right after cancel(), but becomes so on the iteration where
// it would have started, and its done callbacks run after that. (The
// TypeScript side runs a generator function in one task and a generator
// object in the other: neither runs a line of its code.)
import {
  CancelledError,
  createTask,
  type EventLoop,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr } from "../_py.ts";

function tick(loop: EventLoop, n: number): void {
  print(`-- tick ${n}`);
  if (n < 4) {
    loop.callSoon(tick, loop, n + 1);
  }
}

// deno-lint-ignore require-yield
function* never(name: string): Generator<unknown, void> {
  print("never printed", name);
}

function msg(e: CancelledError): string {
  return e.message !== "" ? pyRepr(e.message) : "no message";
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  loop.callSoon(tick, loop, 0);
  const t = createTask(() => never("t"));
  t.addDoneCallback((t) => print("done callback: t cancelled", t.cancelled()));
  const u = createTask(never("u"));
  u.addDoneCallback((u) => print("done callback: u cancelled", u.cancelled()));
  const other = createTask(() => sleep(0, "other ran"));
  print("cancel() ->", t.cancel(), "and again ->", t.cancel("second"));
  print('u.cancel("first") ->', u.cancel("first"));
  print("cancelling() =", t.cancelling(), u.cancelling());
  print("right after: done", t.done(), "cancelled", t.cancelled());
  yield;
  print(
    "one iteration later: done",
    t.done(),
    "cancelled",
    t.cancelled(),
    u.done(),
    u.cancelled(),
  );
  print("other:", yield* other);
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("await t: CancelledError", msg(e));
  }
  try {
    yield* u;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("await u: CancelledError", msg(e));
  }
}

await run(main, { clock });
