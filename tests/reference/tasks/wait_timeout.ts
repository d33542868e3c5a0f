// wait() with a timeout returns what is done by then and leaves the rest
// pending, neither cancelled nor failed; wait() never raises TimeoutError.
// When everything finishes first, the timeout does not matter. (What must
// be done when the timer fires is done before it starts, so that a busy
// machine cannot make it late.)
import {
  createTask,
  getRunningLoop,
  run,
  sleep,
  type Task,
  wait,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

async function quick(n: number): Promise<number> {
  for (let i = 0; i < n; i++) {
    await sleep(0);
  }
  return n;
}

async function forever(): Promise<void> {
  await getRunningLoop().createFuture();
}

function names(tasks: Set<unknown>): string[] {
  return [...tasks].map((t) => (t as Task<unknown>).getName()).sort();
}

async function main(): Promise<void> {
  const one = createTask(() => quick(1), { name: "one" });
  const long = createTask(() => sleep(10), { name: "long" });
  const three = createTask(() => quick(3), { name: "three" });
  const never = createTask(forever, { name: "forever" });
  await one;
  let [done, pending] = await wait([one, long, never], {
    timeout: 0.02,
  });
  print("timeout=0.02:", names(done), names(pending));
  print("pending cancelled?", [...pending].map((t) => t.cancelled()));
  [done, pending] = await wait([one, three], { timeout: 10 });
  print("timeout=10, all done:", names(done), names(pending));
  [done, pending] = await wait([one, long, never], { timeout: 0 });
  print("timeout=0:", names(done), names(pending));
  long.cancel();
  never.cancel();
  [done, pending] = await wait([one, long, never], { timeout: 1 });
  print(
    "after cancel():",
    names(done),
    names(pending),
    names(new Set([...done].filter((t) => t.cancelled()))),
  );
}

await run(main, { clock });
