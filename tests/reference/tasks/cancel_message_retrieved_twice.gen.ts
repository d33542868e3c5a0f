// A task whose code ends with the CancelledError('stop') that cancel('stop')
// threw in: asyncio hands that very error to the first retrieval (an await,
// result() or exception()), and the task's own cancel message is None, so
// later retrievals raise CancelledError() without the message. A task that
// is cancelled right as its code returns keeps the message every time.
// (Generator tasks.)
import {
  CancelledError,
  createTask,
  currentTask,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr } from "../_py.ts";

function msg(e: CancelledError): string {
  return e.message !== "" ? pyRepr(e.message) : "no message";
}

function* victim(): Generator<unknown, void> {
  yield* sleep(10);
}

// deno-lint-ignore require-yield
function* returns(): Generator<unknown, string> {
  currentTask()!.cancel("at return");
  return "ignored";
}

function* main(): Generator<unknown, void> {
  const t = createTask(victim());
  const early = createTask(victim);
  const late = createTask(returns());
  early.cancel("before start");
  yield;
  t.cancel("stop");
  yield* sleep(0);
  yield;
  for (
    const [name, task] of [["t", t], ["early", early], ["late", late]] as const
  ) {
    for (let i = 0; i < 2; i++) {
      try {
        task.result();
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        print(`${name}: result() #${i + 1} gives`, msg(e));
      }
    }
  }
}

await run(main, { clock });
