// A chain of 200 coroutines, each awaiting the next: the innermost one's
// sleep(0) suspends the whole chain for exactly one iteration, resuming it
// is a single step of the task (nothing of the ticker runs in the middle),
// values come back up level by level, and an exception raised at the
// bottom goes up through every level's except/finally blocks. Generators:
// each level is `yield* chain(level + 1)`.
import {
  createTask,
  type EventLoop,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

const DEPTH = 200;
const unwound: number[] = [];

class KeyError extends Error {
  override name = "KeyError";
  constructor(readonly key: number) {
    super(String(key));
  }
}

function tick(loop: EventLoop, n: number): void {
  print(`-- tick ${n}`);
  if (n < 8) {
    loop.callSoon(tick, loop, n + 1);
  }
}

function* chain(level: number, sleeps: number): Generator<unknown, number> {
  if (level === DEPTH) {
    for (let i = 0; i < sleeps; i++) {
      print(`bottom: sleep ${i}`);
      yield* sleep(0);
    }
    print("bottom: returns");
    return 0;
  }
  const value = yield* chain(level + 1, sleeps);
  if (level % 50 === 0) {
    print(`level ${level}: got ${value}`);
  }
  return value + 1;
}

function* failingChain(level: number): Generator<unknown, void> {
  try {
    if (level === DEPTH) {
      yield;
      print("bottom: raises");
      throw new ValueError("from the bottom");
    }
    yield* failingChain(level + 1);
  } finally {
    unwound.push(level);
  }
}

function* catchingChain(level: number): Generator<unknown, never> {
  if (level === DEPTH) {
    yield* sleep(0);
    throw new KeyError(level);
  }
  try {
    return yield* catchingChain(level + 1);
  } catch (e) {
    if (e instanceof KeyError && level % 40 === 0) {
      print(`level ${level}: caught KeyError ${e.key}, raises again`);
      throw new KeyError(level);
    }
    throw e;
  }
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  loop.callSoon(tick, loop, 0);
  print("main: chain gives", yield* chain(0, 3));
  const t = createTask(failingChain(0));
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("main: failing chain raised", pyRepr(e));
  }
  print(
    "main: finally blocks ran",
    unwound.length,
    "times, first",
    unwound[0],
    "last",
    unwound.at(-1),
  );
  try {
    yield* catchingChain(0);
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print("main: catching chain raised KeyError", e.key);
  }
  const two = [createTask(chain(0, 2)), createTask(chain(0, 1))];
  const results: number[] = [];
  for (const t of two) results.push(yield* t);
  print("main: two chains give", results);
}

await run(main, { clock });
