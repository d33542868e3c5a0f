// Event, Condition and Semaphore bind to the loop they first wait on, as
// Lock does: waiting in another loop is an error naming the primitive; not
// waiting is fine. (Generator tasks.)
import {
  Condition,
  createTask,
  Event,
  getRunningLoop,
  run,
  Semaphore,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

const event = new Event();
const cond = new Condition();
const sem = new Semaphore(0);

function* notifier() {
  yield* cond.acquire();
  try {
    cond.notify();
  } finally {
    cond.release();
  }
}

function* first() {
  const loop = getRunningLoop();
  loop.callSoon(() => event.set());
  yield* event.wait();
  loop.callSoon(() => sem.release());
  yield* sem.acquire();
  let t;
  yield* cond.acquire();
  try {
    t = createTask(notifier());
    yield* cond.wait();
  } finally {
    cond.release();
  }
  yield* t;
  print("first:", r(event), r(cond), r(sem));
}

function* second() {
  event.clear();
  for (
    const [name, make] of [
      ["event.wait", () => event.wait()],
      ["sem.acquire", () => sem.acquire()],
    ] as const
  ) {
    try {
      yield* make();
    } catch (e) {
      print(`second: ${name}:`, e);
    }
  }
  yield* cond.acquire();
  try {
    try {
      yield* cond.wait();
    } catch (e) {
      print("second: cond.wait:", e);
    }
  } finally {
    cond.release();
  }
  event.set();
  sem.release();
  print(
    "second: without waiting:",
    yield* event.wait(),
    yield* sem.acquire(),
    r(cond),
  );
}

await run(first, { clock });
await run(second, { clock });
