// A child of a gather that is cancelled on its own makes the gather raise
// CancelledError (its message included) while the other children keep
// running; the task awaiting the gather is not itself cancelled. Cancelling
// the task that awaits a gather cancels the gather and so every child.
// (Generator tasks.)
import {
  CancelledError,
  createTask,
  currentTask,
  type Future,
  gather,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr } from "../_py.ts";

function msg(e: CancelledError): string {
  return e.message !== "" ? pyRepr(e.message) : "no message";
}

function* child(name: string, steps: number): Generator<unknown, string> {
  try {
    for (let i = 0; i < steps; i++) {
      yield* sleep(0);
    }
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled with`, msg(e));
    throw e;
  }
  print(`${name}: returns`);
  return name;
}

function* waiter(g: Future<string[]>): Generator<unknown, string[]> {
  try {
    return yield* g;
  } catch (e) {
    if (e instanceof CancelledError) {
      const me = currentTask()!;
      print(
        "waiter: CancelledError with",
        msg(e),
        "; cancelling() =",
        me.cancelling(),
      );
    }
    throw e;
  }
}

function* main(): Generator<unknown, void> {
  let kids = ["a", "b", "c"].map((n) => createTask(child(n, 3)));
  let w = createTask(waiter(gather(kids)));
  yield* sleep(0);
  kids[1]!.cancel("just b");
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: waiter ended cancelled:", w.cancelled());
  }
  print("main: kids", kids.map((k) => k.done()));
  yield* gather(kids, { returnExceptions: true });
  print("main: kids", kids.map((k) => k.cancelled()));

  kids = ["d", "e"].map((n) => createTask(child(n, 3)));
  w = createTask(waiter(gather(kids)));
  yield;
  w.cancel("the waiter");
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: waiter ended cancelled:", w.cancelled());
  }
  print("main: kids", kids.map((k) => k.cancelled()));
}

await run(main, { clock });
