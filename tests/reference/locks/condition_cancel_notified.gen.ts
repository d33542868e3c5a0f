// A waiter notified and then cancelled before it runs passes the
// notification on to the next waiter (3.13, gh-112202): notify(1) still
// wakes one task. (Generator tasks.)
import {
  CancelledError,
  Condition,
  createTask,
  gather,
  run,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;
const kind = (x: unknown) => x instanceof Error ? x.name : "NoneType";

function* waiter(cond: Condition, name: string) {
  yield* cond.acquire();
  try {
    try {
      yield* cond.wait();
    } catch (e) {
      if (e instanceof CancelledError) print(`${name}: cancelled, ${r(cond)}`);
      throw e;
    }
    print(`${name}: notified, ${r(cond)}`);
  } finally {
    cond.release();
  }
}

function* main() {
  const cond = new Condition();
  const tasks = [..."abc"].map((n) => createTask(waiter(cond, n)));
  yield;
  yield* cond.acquire();
  try {
    cond.notify(1);
    print("main: notify(1),", r(cond));
  } finally {
    cond.release();
  }
  tasks[0]!.cancel();
  yield;
  yield;
  print("main:", tasks.map((t) => t.done()), r(cond));
  yield* cond.acquire();
  try {
    cond.notifyAll();
  } finally {
    cond.release();
  }
  const results = yield* gather(tasks, { returnExceptions: true });
  print("main:", results.map(kind), r(cond));
}

await run(main, { clock });
