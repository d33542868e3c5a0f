/**
 * What the host's stacks show, for the tests of task stacks: whether a
 * `then()` that an `await` calls sees the async functions awaiting it
 * (Deno's V8 does; Node.js 20's does not, so there an async task's stack
 * is its coroutine alone, even in debug mode).
 *
 * @module
 */

async function probe(): Promise<string> {
  let stack = "";
  await {
    then(resolve: (value: unknown) => void) {
      stack = new Error().stack ?? "";
      resolve(undefined);
    },
  };
  return stack;
}

/** Whether an await's `then()` sees the async functions awaiting. */
export const awaitingFrames: boolean = /at async probe/.test(await probe());
