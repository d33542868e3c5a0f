// as_completed() yields awaitables that give the results in completion
// order, not input order; an exception comes out at its place in that
// order; after the timeout, the remaining ones raise TimeoutError, while
// their tasks keep running. (The quick task is done before the timer
// starts, so that a busy machine cannot make it late.)
import {
  asCompleted,
  createTask,
  getRunningLoop,
  run,
  sleep,
  TimeoutError,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

async function job(name: string, steps: number, fail = false): Promise<string> {
  for (let i = 0; i < steps; i++) {
    await sleep(0);
  }
  if (fail) {
    throw new ValueError(`${name} failed`);
  }
  return name;
}

async function main(): Promise<void> {
  const loop = getRunningLoop();
  const done = loop.createFuture<string>();
  done.setResult("already done");
  const tasks = [
    createTask(() => job("a", 4)),
    createTask(() => job("b", 2, true)),
    createTask(() => job("c", 1)),
    done,
    createTask(() => job("d", 3)),
  ];
  let i = 0;
  for (const nextResult of asCompleted(tasks)) {
    try {
      print(`#${i}:`, await nextResult);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print(`#${i}: raised`, pyRepr(e));
    }
    i++;
  }

  const slow = createTask(() => sleep(10, "slow"));
  const quick = createTask(() => job("quick", 2));
  await quick;
  for (const nextResult of asCompleted([slow, quick], { timeout: 0.02 })) {
    try {
      print("with timeout:", await nextResult);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print(
        "with timeout: TimeoutError; slow still pending:",
        !slow.done(),
      );
    }
  }
  slow.cancel();
}

await run(main, { clock });
