// With return_exceptions=True, gather() waits for every child and puts
// exceptions, and CancelledError for a cancelled child, in the results in
// input order; it does not fail itself. (Generator tasks and generator
// objects handed to gather.)
import {
  CancelledError,
  createTask,
  gather,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

function* worker(
  name: string,
  steps: number,
  fail = false,
): Generator<unknown, string> {
  for (let i = 0; i < steps; i++) {
    yield* sleep(0);
  }
  if (fail) {
    print(`${name}: raises`);
    throw new ValueError(`${name} failed`);
  }
  print(`${name}: returns`);
  return name;
}

function show(r: unknown): unknown {
  if (r instanceof CancelledError) return "CancelledError";
  if (r instanceof Error) return pyRepr(r);
  return r;
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  const victim = createTask(worker("victim", 5));
  const fut = loop.createFuture<string>();
  loop.callSoon((e) => fut.setException(e), new ValueError("future failed"));
  const g = gather([
    worker("a", 2, true),
    () => worker("b", 1),
    victim,
    fut,
    worker("c", 3, true),
  ], { returnExceptions: true });
  yield;
  print("main: cancels victim");
  victim.cancel();
  const results = yield* g;
  print("main:", results.map(show));
  print("main: gather cancelled", g.cancelled(), "exception", g.exception());
}

await run(main, { clock });
