// notify(n) wakes the first n waiters (fewer if fewer wait), notify(0) none,
// notify_all() the rest; each woken task returns from wait() once it holds
// the lock again, one after the other, in FIFO order.
import { Condition, createTask, gather, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, str } from "../_py.ts";

const r = String;

async function waiter(cond: Condition, name: string) {
  await cond.run(async () => {
    print(`${name}: waits`);
    const result = await cond.wait();
    print(`${name}: woke -> ${str(result)}, ${r(cond)}`);
    await sleep(0);
  });
  return name;
}

async function main() {
  const cond = new Condition();
  const tasks = [..."abcdef"].map((n) => createTask(() => waiter(cond, n)));
  await sleep(0);
  print("main:", r(cond));
  await cond.run(() => {
    cond.notify(0);
    print("main: notify(0),", r(cond));
    cond.notify(2);
    print("main: notify(2),", r(cond));
  });
  for (let i = 0; i < 3; i++) await sleep(0);
  print("main:", r(cond));
  await cond.run(() => {
    cond.notify();
    cond.notifyAll();
    print("main: notify(), notify_all(),", r(cond));
  });
  print("main:", await gather(tasks), r(cond));
  await cond.run(() => {
    cond.notify(10);
    print("main: notify(10) with nobody waiting,", r(cond));
  });
}

await run(main, { clock });
