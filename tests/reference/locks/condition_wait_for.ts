// wait_for(predicate) checks the predicate first, waits until a
// notification makes it true, and returns its (truthy) value; a consumer
// and a producer share the condition's lock.
import { Condition, createTask, gather, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr } from "../_py.ts";

async function consumer(cond: Condition, items: unknown[], name: string) {
  let calls = 0;

  function ready() {
    calls += 1;
    return items.length > 0 ? items.shift() : null;
  }

  const item = await cond.run(() => cond.waitFor(ready));
  print(`${name}: got ${pyRepr(item)} after ${calls} checks`);
  return item;
}

async function main() {
  const cond = new Condition();
  const items: unknown[] = ["ready"];
  print("main: at once ->", await consumer(cond, items, "first"));
  const c = ["x", "y"].map((n) => createTask(() => consumer(cond, items, n)));
  await sleep(0);
  await cond.run(() => {
    cond.notifyAll();
    print("main: notified without items");
  });
  await sleep(0);
  for (const item of [1, 2]) {
    await cond.run(() => {
      items.push(item);
      cond.notify();
      print(`main: put ${item}`);
    });
    await sleep(0);
  }
  print("main:", await gather(c));
}

await run(main, { clock });
