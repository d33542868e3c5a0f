// The program tests/run_sigint_test.ts sends real SIGINTs to: it runs
// `run(main)` in the mode its first argument names and prints what happens,
// one line at a time. "ready" means run()'s SIGINT listener is installed and
// main waits (or, in "after", that run() has returned).
//
//   deno run -A tests/_sigint_child.ts <mode>    (Deno)
//   node npm/esm/tests/_sigint_child.js <mode>   (Node.js, built)
import process from "node:process";
import {
  CancelledError,
  createTask,
  currentTask,
  KeyboardInterrupt,
  run,
  sleep,
} from "../mod.ts";

const say = (line: string) => console.log(line);

const modes: Record<string, () => Promise<unknown>> = {
  /** The first SIGINT: main's finally awaits, run() throws KeyboardInterrupt. */
  async cleanup() {
    createTask(async () => {
      try {
        await sleep(3600);
      } catch (error) {
        say(`background ${(error as Error).name}`);
        throw error;
      }
    });
    try {
      say("ready");
      await sleep(3600);
      say("not interrupted");
    } finally {
      await sleep(0.01);
      say("cleanup");
    }
  },
  /** The second SIGINT arrives while main's cleanup waits (an hour). */
  async stuck() {
    try {
      say("ready");
      await sleep(3600);
    } finally {
      say("cleanup started");
      // A timer, not a future nobody settles: with no host work pending,
      // Node.js ends the process (code 13, unsettled top-level await).
      await sleep(3600);
      say("cleanup finished");
    }
  },
  /** main handles the cancellation and returns: run() gives its result. */
  async caught() {
    try {
      say("ready");
      await sleep(3600);
      return "not interrupted";
    } catch (error) {
      if (!(error instanceof CancelledError)) throw error;
      await sleep(0.01);
      return "caught";
    }
  },
  /** main is cancelled twice: uncancel() leaves 1, run() throws CancelledError. */
  async twice() {
    try {
      say("ready");
      await sleep(3600);
    } finally {
      currentTask()!.cancel("once more");
    }
  },
  /** run() has returned; the process then waits with no listener of ours. */
  after() {
    return Promise.resolve("done");
  },
};

const mode = process.argv[2] ?? "";
const main = modes[mode];
if (main === undefined) throw new Error(`unknown mode "${mode}"`);
try {
  const result = await run(main);
  say(`resolved ${String(result)}`);
  if (mode === "after") {
    // Kept alive by a timer only; a SIGINT should end the process now.
    setTimeout(() => say("SIGINT was ignored"), 60_000);
    say("ready");
  }
} catch (error) {
  if (error instanceof KeyboardInterrupt) {
    say(
      `${error.name}: ${error.message} (cause ${
        (error.cause as Error | undefined)?.name
      })`,
    );
    process.exitCode = 130;
  } else if (error instanceof CancelledError) {
    say(`rejected ${error.name}`);
    process.exitCode = 3;
  } else {
    throw error;
  }
}
