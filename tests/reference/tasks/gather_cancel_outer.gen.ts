// Cancelling a gather cancels its children with the message; awaiting it
// raises CancelledError, even when a child swallowed its cancellation and
// returned, and even with return_exceptions=True. The gather then holds a
// CancelledError as its exception rather than being cancelled. (Generator
// children.)
import { CancelledError, gather, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr } from "../_py.ts";

function msg(e: CancelledError): string {
  return e.message !== "" ? pyRepr(e.message) : "no message";
}

function* child(name: string, swallow = false): Generator<unknown, string> {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(
      `${name}: cancelled with`,
      msg(e),
      "; swallows:",
      swallow,
    );
    if (!swallow) throw e;
  }
  return name;
}

function* main(): Generator<unknown, void> {
  const g = gather([child("a"), child("b")]);
  yield* sleep(0);
  print("main: cancel() ->", g.cancel("stop them"), "again ->", g.cancel());
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: gather raised CancelledError with", msg(e));
  }
  print("main: cancelled()", g.cancelled(), "done()", g.done());

  const g2 = gather([child("c", true), child("d")], {
    returnExceptions: true,
  });
  yield;
  g2.cancel();
  try {
    print("main: got", yield* g2);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: second gather raised CancelledError with", msg(e));
  }

  const g3 = gather([child("e", true)]);
  yield* sleep(0);
  g3.cancel("only child swallows");
  try {
    print("main: got", yield* g3);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: third gather raised CancelledError with", msg(e));
  }
}

await run(main, { clock });
