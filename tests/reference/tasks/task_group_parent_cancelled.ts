// Cancelling the task that runs a TaskGroup cancels the group's tasks; the
// group waits for them and lets the CancelledError through. If a task fails
// while being cancelled, the failure wins: the group raises an
// ExceptionGroup instead.
import {
  CancelledError,
  createTask,
  ExceptionGroup,
  run,
  sleep,
  TaskGroup,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, ValueError } from "../_py.ts";

async function child(name: string, failOnCancel = false): Promise<void> {
  try {
    for (let i = 0; i < 100; i++) {
      await sleep(0);
    }
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`${name}: cancelled`);
    if (failOnCancel) throw new ValueError(`${name} failed on cancel`);
    throw e;
  }
}

async function runner(failOnCancel: boolean): Promise<string | undefined> {
  try {
    await new TaskGroup().run(async (tg) => {
      tg.createTask(() => child("c1"));
      tg.createTask(() => child("c2", failOnCancel));
      print("runner: body waits");
      await sleep(10);
    });
  } catch (e) {
    if (e instanceof CancelledError) {
      print("runner: CancelledError out of the group");
    } else if (e instanceof ExceptionGroup) {
      print(
        "runner: ExceptionGroup",
        e.errors.map((e: Error) => e.message),
      );
      return "runner returned";
    }
    throw e;
  }
}

async function main(): Promise<void> {
  for (const fail of [false, true]) {
    const t = createTask(() => runner(fail));
    for (let i = 0; i < 3; i++) {
      await sleep(0);
    }
    print("main: cancels the runner");
    t.cancel();
    try {
      print("main:", await t);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("main: runner cancelled", t.cancelled());
    }
  }
}

await run(main, { clock });
