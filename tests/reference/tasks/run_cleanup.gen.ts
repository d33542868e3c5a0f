// asyncio.run() returns main's result, then cancels the tasks still pending:
// each gets CancelledError in its except block and may await while it
// cleans up; one that swallows it just ends. Callbacks left queued keep
// running meanwhile. (Several leftovers are cancelled in the order of a
// set, so they log, and the log prints sorted.) (run() of a generator
// main, generator leftovers.)
import {
  CancelledError,
  createTask,
  type EventLoop,
  getRunningLoop,
  run,
  sleep,
  type Task,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const log: string[] = [];
const leftovers: Task<void>[] = [];

function tick(loop: EventLoop, n: number): void {
  print(`-- tick ${n}`);
  if (n < 3) {
    loop.callSoon(tick, loop, n + 1);
  }
}

function* printer(): Generator<unknown, void> {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("printer: cancelled by asyncio.run(); cleans up");
    yield;
    print("printer: cleaned up");
    throw e;
  }
}

function* quiet(name: string, swallow: boolean): Generator<unknown, void> {
  try {
    yield* getRunningLoop().createFuture();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log.push(`${name} cancelled`);
    if (!swallow) throw e;
  }
  log.push(`${name} ends normally`);
}

function* main(): Generator<unknown, string> {
  const loop = getRunningLoop();
  // Held: a task awaiting a future that nothing else holds is garbage.
  leftovers.push(
    createTask(printer),
    createTask(quiet("q1", false)),
    createTask(() => quiet("q2", true)),
  );
  yield* sleep(0);
  loop.callSoon(tick, loop, 0);
  print("main: returns");
  return "main result";
}

print("run() gives", await run(main, { clock }));
print("log:", log.sort());
