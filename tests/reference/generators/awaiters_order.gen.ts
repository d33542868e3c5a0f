// Several tasks awaiting the same task, with done callbacks added between
// them: when it finishes, the awaiters resume and the callbacks run in the
// order they were registered, all in the next iteration. The same holds
// when the task is cancelled. (In TypeScript the target and awaiter `a`
// are generators, awaiter `b` is an async function: a generator resumes in
// its place among the done callbacks, as an async function does.)
import {
  CancelledError,
  createTask,
  type Future,
  gather,
  getRunningLoop,
  run,
  sleep,
  type Task,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function* target(gate: Future<string>): Generator<unknown, string> {
  return yield* gate;
}

function* genAwaiter(name: string, t: Task<string>): Generator<unknown, void> {
  try {
    print(`${name}: got`, yield* t);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`${name}: got CancelledError`);
  }
}

async function asyncAwaiter(name: string, t: Task<string>): Promise<void> {
  try {
    print(`${name}: got`, await t);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`${name}: got CancelledError`);
  }
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  for (const cancel of [false, true]) {
    const gate = loop.createFuture<string>();
    const t = createTask(target(gate));
    t.addDoneCallback(() => print("callback 1"));
    const a = createTask(genAwaiter("a", t));
    yield* sleep(0);
    t.addDoneCallback(() => print("callback 2"));
    const b = createTask(() => asyncAwaiter("b", t));
    yield;
    t.addDoneCallback(() => print("callback 3"));
    loop.callSoon(print, "plain callback");
    if (cancel) {
      t.cancel();
    } else {
      gate.setResult("value");
    }
    print("main: waits");
    yield* gather([a, b]);
    print("main: both awaiters done");
  }
}

await run(main, { clock });
