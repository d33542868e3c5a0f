// wait_for(predicate) checks the predicate first, waits until a
// notification makes it true, and returns its (truthy) value; a consumer
// and a producer share the condition's lock. (Generator tasks.)
import { Condition, createTask, gather, run } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr } from "../_py.ts";

function* consumer(cond: Condition, items: unknown[], name: string) {
  let calls = 0;

  function ready() {
    calls += 1;
    return items.length > 0 ? items.shift() : null;
  }

  let item;
  yield* cond.acquire();
  try {
    item = yield* cond.waitFor(ready);
  } finally {
    cond.release();
  }
  print(`${name}: got ${pyRepr(item)} after ${calls} checks`);
  return item;
}

function* main() {
  const cond = new Condition();
  const items: unknown[] = ["ready"];
  print("main: at once ->", yield* consumer(cond, items, "first"));
  const c = ["x", "y"].map((n) => createTask(consumer(cond, items, n)));
  yield;
  yield* cond.acquire();
  try {
    cond.notifyAll();
    print("main: notified without items");
  } finally {
    cond.release();
  }
  yield;
  for (const item of [1, 2]) {
    yield* cond.acquire();
    try {
      items.push(item);
      cond.notify();
      print(`main: put ${item}`);
    } finally {
      cond.release();
    }
    yield;
  }
  print("main:", yield* gather(c));
}

await run(main, { clock });
