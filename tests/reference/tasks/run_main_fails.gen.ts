// When main raises, asyncio.run() still cancels the tasks left and closes
// the loop, then raises main's exception; when main is cancelled, it raises
// CancelledError. Each run has its own loop, and none is current after.
// (Generator mains, one of them a generator that returns without
// yielding.)
import {
  CancelledError,
  createTask,
  currentTask,
  type EventLoop,
  getEventLoop,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

function* leftover(name: string): Generator<unknown, void> {
  try {
    yield* sleep(10);
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled at shutdown`);
    throw e;
  }
}

function* failingMain(): Generator<unknown, never> {
  createTask(leftover("left by failing main"));
  yield* sleep(0);
  print("failing main: raises");
  throw new ValueError("main failed");
}

function* cancelledMain(): Generator<unknown, void> {
  createTask(() => leftover("left by cancelled main"));
  yield;
  print("cancelled main: cancels itself");
  currentTask()!.cancel();
  yield* sleep(0);
  print("never printed");
}

const loops: EventLoop[] = [];

// deno-lint-ignore require-yield
function* record(): Generator<unknown, number> {
  loops.push(getRunningLoop());
  return loops.length;
}

try {
  await run(failingMain, { clock });
} catch (e) {
  if (!(e instanceof ValueError)) throw e;
  print("run() raised", pyRepr(e));
}
try {
  await run(cancelledMain(), { clock });
} catch (e) {
  if (!(e instanceof CancelledError)) throw e;
  print("run() raised CancelledError");
}
print(
  "runs:",
  await run(record, { clock }),
  await run(record(), { clock }),
);
print(
  "two loops:",
  loops[0] !== loops[1],
  "closed:",
  loops.map((loop) => loop.isClosed()),
);
try {
  getEventLoop();
} catch (e) {
  print(
    "no current loop:",
    (e as Error).message.startsWith("There is no current event loop"),
  );
}
