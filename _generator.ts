/**
 * The one driver of generator coroutines: how a step resumes a generator,
 * and what its yield asks for, by CPython's rules in `Task.__step`. A
 * {@linkcode Task} steps a generator task with it from the loop; `runInline`
 * (the generator bodies of `timeout()` and `TaskGroup.run()`, run inside an
 * `async` function task) awaits what it asks for. Not exported from mod.ts.
 *
 * @module
 */

import { Future } from "./future.ts";
import { generatorStep } from "./_future_iterator.ts";
import type { AbstractEventLoop } from "./_runtime.ts";
import { repr } from "./repr.ts";
import { isGenerator } from "./_validate.ts";

/**
 * Resumes `gen` by one step: sends it `value`, or throws `value` into it.
 *
 * @param sendsResult Whether `value` is the result of the future its
 * `yield*` is suspended on, which that `yield*` then evaluates to.
 */
export function resume<T>(
  gen: Generator<unknown, T, unknown>,
  thrown: boolean,
  value: unknown,
  sendsResult: boolean,
): IteratorResult<unknown, T> {
  generatorStep.blocking = undefined;
  generatorStep.resuming = sendsResult;
  try {
    return thrown ? gen.throw(value) : gen.next(value);
  } finally {
    generatorStep.resuming = false;
  }
}

// Messages are made only for mistakes: a task's repr costs microseconds.
function inTask(task: Future<unknown> | undefined): string {
  return task === undefined ? "" : ` in task ${task}`;
}

/**
 * What the value a step of a generator yielded asks for, checked in the
 * order of CPython's `Task.__step`: the future its `yield*` waits on;
 * `undefined` for a bare `yield` (one loop iteration, asyncio's
 * `sleep(0)`); or the error to throw into the generator for a mistake.
 *
 * @param loop The loop the generator runs on.
 * @param task The task that runs it, named in the messages, if known.
 */
export function awaited(
  yielded: unknown,
  loop: AbstractEventLoop,
  task: Future<unknown> | undefined,
): Future<unknown> | undefined | Error {
  // Read through a cast: `resume` reset it, which narrowed the property.
  const blocking = generatorStep.blocking as Future<unknown> | undefined;
  generatorStep.blocking = undefined;
  if (yielded instanceof Future) {
    if (yielded.getLoop() !== loop) {
      return new Error(
        `${
          task === undefined ? "A generator" : `Task ${task}`
        } got Future ${yielded} attached to a different loop`,
      );
    }
    if (blocking !== yielded) {
      return new Error(
        `yield was used instead of yield*${inTask(task)} with ${yielded}`,
      );
    }
    if ((yielded as unknown) === task) {
      return new Error(`Task cannot await on itself: ${task}`);
    }
    return yielded;
  }
  if (yielded === undefined) return undefined;
  if (isGenerator(yielded)) {
    return new Error(
      `yield was used instead of yield* for generator${inTask(task)} with ${
        repr(yielded)
      }`,
    );
  }
  return new Error(`Task got bad yield: ${repr(yielded)}`);
}
