// The classic pattern: wait_for(shield(work), timeout) gives up waiting
// with TimeoutError, but the work goes on and finishes; a shielded
// coroutine whose waiter is cancelled also runs to its end.
import {
  CancelledError,
  createTask,
  type Future,
  getRunningLoop,
  run,
  shield,
  sleep,
  TimeoutError,
  waitFor,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

async function work(
  name: string,
  gate: Future<void>,
  log: string[],
): Promise<string> {
  try {
    await gate;
  } catch (e) {
    if (e instanceof CancelledError) {
      print("never printed: the work is not cancelled");
    }
    throw e;
  }
  print(`${name}: finished`);
  log.push(name);
  return `${name} result`;
}

async function waiter(gate: Future<void>, log: string[]): Promise<void> {
  try {
    await shield(() => work("shielded coroutine", gate, log));
  } catch (e) {
    if (e instanceof CancelledError) print("waiter: cancelled");
    throw e;
  }
}

async function main(): Promise<void> {
  const loop = getRunningLoop();
  const log: string[] = [];
  const gate = loop.createFuture<void>();
  const t = createTask(() => work("task", gate, log));
  try {
    await waitFor(shield(t), 0.01);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("main: TimeoutError; task still running:", !t.done());
  }
  gate.setResult();
  print("main: task gives", await t);
  const gate2 = loop.createFuture<void>();
  const w = createTask(() => waiter(gate2, log));
  await sleep(0);
  w.cancel();
  try {
    await w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: waiter cancelled");
  }
  gate2.setResult();
  while (log.length < 2) {
    await sleep(0);
  }
  print("main: finished work", log);
}

await run(main, { clock });
