// Cancelling the task that runs a TaskGroup cancels the group's tasks; the
// group waits for them and lets the CancelledError through. If a task fails
// while being cancelled, the failure wins: the group raises an
// ExceptionGroup instead. (A generator task enters and exits the group by
// hand, as `async with` does, and awaits exit()'s promise through
// ensureFuture; the group's tasks are generator tasks.) Pending, by design,
// since the group follows Python 3.12+ (#13): when a child fails while the
// runner is cancelled, exit() re-cancels the runner ("uncancel and cancel
// again"), inside the runner's frame in Python, so the runner sees the
// ExceptionGroup and ends cancelled when it returns. Here exit() runs in
// the task that follows its promise, which takes that cancellation and
// fails with the ExceptionGroup: the runner returns "runner returned".
import {
  CancelledError,
  createTask,
  ensureFuture,
  ExceptionGroup,
  run,
  sleep,
  TaskGroup,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, ValueError } from "../_py.ts";

function* child(name: string, failOnCancel = false): Generator<unknown, void> {
  try {
    for (let i = 0; i < 100; i++) {
      yield;
    }
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`${name}: cancelled`);
    if (failOnCancel) {
      throw new ValueError(`${name} failed on cancel`);
    }
    throw e;
  }
}

function* runner(failOnCancel: boolean): Generator<unknown, string> {
  try {
    const tg = new TaskGroup();
    tg.enter();
    try {
      tg.createTask(child("c1"));
      tg.createTask(child("c2", failOnCancel));
      print("runner: body waits");
      yield* sleep(10);
    } catch (e) {
      yield* ensureFuture(tg.exit(e, true));
      throw e;
    }
    yield* ensureFuture(tg.exit());
  } catch (e) {
    if (e instanceof CancelledError) {
      print("runner: CancelledError out of the group");
      throw e;
    }
    if (e instanceof ExceptionGroup) {
      print(
        "runner: ExceptionGroup",
        e.errors.map((error: Error) => error.message),
      );
      return "runner returned";
    }
    throw e;
  }
  return "never";
}

function* main(): Generator<unknown, void> {
  for (const fail of [false, true]) {
    const t = createTask(runner(fail));
    for (let i = 0; i < 3; i++) {
      yield* sleep(0);
    }
    print("main: cancels the runner");
    t.cancel();
    try {
      print("main:", yield* t);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("main: runner cancelled", t.cancelled());
    }
  }
}

await run(main, { clock });
