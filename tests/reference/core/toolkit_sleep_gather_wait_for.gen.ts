// The task toolkit: sleep(0) yields exactly one iteration, gather() keeps
// input order, wait_for() times out, and asyncio.run() cancels the tasks
// left over. A ticker shows the iterations. (Generator tasks.)
import {
  CancelledError,
  ensureFuture,
  type EventLoop,
  gather,
  getRunningLoop,
  run,
  sleep,
  type Task,
  TimeoutError,
  waitFor,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

function tick(loop: EventLoop, n: number): void {
  print(`-- tick ${n}`);
  if (n < 8) {
    loop.callSoon(tick, loop, n + 1);
  }
}

// The workers' timers aim at deadlines from one moment, t0: two task steps
// may be tens of milliseconds apart on a busy machine.
let t0 = 0;

function* worker(
  name: string,
  delay: number,
  result: string,
): Generator<unknown, string> {
  print(`${name}: start`);
  const now = getRunningLoop().time();
  yield* sleep(delay === 0 ? 0 : t0 + delay - now);
  print(`${name}: after sleep(${delay})`);
  return result;
}

function* failing(): Generator<unknown, never> {
  yield* sleep(0);
  throw new ValueError("worker failed");
}

// Held: a task awaiting a future that nothing else holds is garbage, and
// may be collected before run() gets to cancel it.
const held: Task<void>[] = [];

function* leftover(): Generator<unknown, void> {
  try {
    yield* getRunningLoop().createFuture();
  } catch (e) {
    if (e instanceof CancelledError) {
      print("leftover: cancelled by asyncio.run()");
    }
    throw e;
  }
}

function* main(): Generator<unknown, string> {
  const loop = getRunningLoop();
  loop.callSoon(tick, loop, 0);
  print("main: sleep(0)");
  yield* sleep(0);
  print("main: after sleep(0)");
  yield* sleep(0);
  print("main: after second sleep(0)");
  t0 = loop.time();
  const results = yield* gather([
    () => worker("a", 0.3, "A"),
    () => worker("b", 0.1, "B"),
    () => worker("c", 0, "C"),
  ]);
  print("gather:", results);
  const settled = yield* gather(
    [() => worker("d", 0, "D"), failing],
    { returnExceptions: true },
  );
  print("gather with exceptions:", settled.map((r) => pyRepr(r)));
  t0 = loop.time();
  try {
    yield* ensureFuture(waitFor(() => worker("slow", 10, "never"), 0.01));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("wait_for: TimeoutError");
  }
  print("sleep result:", yield* sleep(0, "value"));
  held.push(loop.createTask(leftover));
  yield* sleep(0);
  return "main done";
}

print(await run(main, { clock }));
