// When a task of a TaskGroup fails, the group cancels the other tasks and
// the body, waits for them, and raises an ExceptionGroup of the failures in
// the order they happened (tasks failing in the same iteration, and one
// that fails while being cancelled, are all in it). As in Python 3.11, a
// failure after the body ended leaves the parent's cancel request counted.
// (A generator main enters and exits the groups by hand, as `async with`
// does, awaiting exit()'s promise through ensureFuture; the group's tasks
// are generator tasks.)
import {
  CancelledError,
  currentTask,
  ensureFuture,
  ExceptionGroup,
  run,
  sleep,
  TaskGroup,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, typeName, ValueError } from "../_py.ts";

class KeyError extends Error {
  override name = "KeyError";
}

function* sibling(name: string, steps = 100): Generator<unknown, string> {
  try {
    for (let i = 0; i < steps; i++) {
      yield;
    }
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled by the group`);
    throw e;
  }
  return name;
}

function* failing(name: string, steps: number): Generator<unknown, never> {
  for (let i = 0; i < steps; i++) {
    yield* sleep(0);
  }
  print(`${name}: raises`);
  throw new ValueError(`${name} failed`);
}

function* bitter(): Generator<unknown, void> {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("bitter: cancelled; raises instead");
    // Python's str(KeyError('bitter')) is "'bitter'".
    throw new KeyError("'bitter'");
  }
}

function show(eg: ExceptionGroup): void {
  print(
    typeName(eg),
    pyRepr(eg.message),
    eg.errors.map((e: Error) => `${typeName(e)}: ${e.message}`),
  );
}

function* main(): Generator<unknown, void> {
  try {
    const tg = new TaskGroup();
    tg.enter();
    try {
      tg.createTask(sibling("s1"));
      tg.createTask(failing("f", 2));
      tg.createTask(() => sibling("s2"));
      try {
        yield* sleep(10);
      } catch (e) {
        if (e instanceof CancelledError) {
          print("body: cancelled while it waits");
        }
        throw e;
      }
    } catch (e) {
      yield* ensureFuture(tg.exit(e, true));
      throw e;
    }
    yield* ensureFuture(tg.exit());
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    show(e);
  }
  try {
    const tg = new TaskGroup();
    tg.enter();
    tg.createTask(failing("x", 1));
    tg.createTask(() => failing("y", 1));
    tg.createTask(bitter());
    print("body: ends without waiting");
    yield* ensureFuture(tg.exit());
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    show(e);
  }
  print("main: cancelling() =", currentTask()!.cancelling());
}

await run(main, { clock });
