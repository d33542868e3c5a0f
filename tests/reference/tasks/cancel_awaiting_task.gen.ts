// Cancelling a task that awaits another task cancels that one too. If the
// inner task lets the error propagate, both end cancelled; if it catches it
// and returns, the outer task receives the value and goes on (its
// cancelling() still counts the request). Cancelling the inner task alone
// gives the outer one a CancelledError it may catch. (Generator tasks.)
import {
  CancelledError,
  createTask,
  currentTask,
  gather,
  run,
  sleep,
  type Task,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, typeName } from "../_py.ts";

function* inner(name: string, swallow: boolean): Generator<unknown, string> {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`${name}: cancelled; swallows it: ${swallow ? "True" : "False"}`);
    if (!swallow) throw e;
  }
  return `${name} value`;
}

function* outer(
  name: string,
  swallow: boolean,
  started: Task<string>[],
): Generator<unknown, string> {
  const child = createTask(inner(`${name}.inner`, swallow));
  started.push(child);
  try {
    const value = yield* child;
    print(
      `${name}: got ${pyRepr(value)}; cancelling() =`,
      currentTask()!.cancelling(),
    );
    return value;
  } catch (e) {
    if (e instanceof CancelledError) {
      print(`${name}: got CancelledError; inner cancelled:`, child.cancelled());
    }
    throw e;
  }
}

function* main(): Generator<unknown, void> {
  const children: Task<string>[] = [];
  const a = createTask(outer("a", false, children));
  const b = createTask(outer("b", true, children));
  const c = createTask(outer("c", false, children));
  yield* sleep(0);
  yield;
  print("main: cancels a and b, and the inner task of c");
  a.cancel();
  b.cancel();
  children[2]!.cancel();
  const results = yield* gather([a, b, c], { returnExceptions: true });
  print(
    "main:",
    results.map((r) => r instanceof Error ? typeName(r) : r),
  );
  print("main: cancelled", a.cancelled(), b.cancelled(), c.cancelled());
}

await run(main, { clock });
