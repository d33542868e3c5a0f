// notify(n) wakes the first n waiters (fewer if fewer wait), notify(0) none,
// notify_all() the rest; each woken task returns from wait() once it holds
// the lock again, one after the other, in FIFO order. (Generator tasks:
// `async with cond` is acquire(), then release() in a finally block.)
import { Condition, createTask, gather, run } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, str } from "../_py.ts";

const r = String;

function* waiter(cond: Condition, name: string) {
  yield* cond.acquire();
  try {
    print(`${name}: waits`);
    const result = yield* cond.wait();
    print(`${name}: woke -> ${str(result)}, ${r(cond)}`);
    yield;
  } finally {
    cond.release();
  }
  return name;
}

function* main() {
  const cond = new Condition();
  const tasks = [..."abcdef"].map((n) => createTask(waiter(cond, n)));
  yield;
  print("main:", r(cond));
  yield* cond.acquire();
  try {
    cond.notify(0);
    print("main: notify(0),", r(cond));
    cond.notify(2);
    print("main: notify(2),", r(cond));
  } finally {
    cond.release();
  }
  for (let i = 0; i < 3; i++) yield;
  print("main:", r(cond));
  yield* cond.acquire();
  try {
    cond.notify();
    cond.notifyAll();
    print("main: notify(), notify_all(),", r(cond));
  } finally {
    cond.release();
  }
  print("main:", yield* gather(tasks), r(cond));
  yield* cond.acquire();
  try {
    cond.notify(10);
    print("main: notify(10) with nobody waiting,", r(cond));
  } finally {
    cond.release();
  }
}

await run(main, { clock });
