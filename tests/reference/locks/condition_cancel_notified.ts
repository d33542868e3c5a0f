// A waiter notified and then cancelled before it runs passes the
// notification on to the next waiter (3.13, gh-112202): notify(1) still
// wakes one task.
import {
  CancelledError,
  Condition,
  createTask,
  gather,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;
const kind = (x: unknown) => x instanceof Error ? x.name : "NoneType";

async function waiter(cond: Condition, name: string) {
  await cond.run(async () => {
    try {
      await cond.wait();
    } catch (e) {
      if (e instanceof CancelledError) print(`${name}: cancelled, ${r(cond)}`);
      throw e;
    }
    print(`${name}: notified, ${r(cond)}`);
  });
}

async function main() {
  const cond = new Condition();
  const tasks = [..."abc"].map((n) => createTask(() => waiter(cond, n)));
  await sleep(0);
  await cond.run(() => {
    cond.notify(1);
    print("main: notify(1),", r(cond));
  });
  tasks[0]!.cancel();
  await sleep(0);
  await sleep(0);
  print("main:", tasks.map((t) => t.done()), r(cond));
  await cond.run(() => cond.notifyAll());
  const results = await gather(tasks, { returnExceptions: true });
  print("main:", results.map(kind), r(cond));
}

await run(main, { clock });
