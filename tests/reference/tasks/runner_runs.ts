// asyncio.Runner runs several mains on one loop: a task that the first run
// leaves pending goes on during the second, and close() cancels what is
// left. get_loop() gives the same loop throughout, made the current loop;
// close() closes it, and a closed runner runs nothing more. Runner.run()
// from inside a running loop is refused. `with` closes the runner at the end
// of the block (`await using` in TypeScript).
import {
  CancelledError,
  createTask,
  getEventLoop,
  Runner,
  sleep,
  type Task,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const state: { background?: Task<void> } = {};

async function background(): Promise<void> {
  try {
    for (let i = 0; i < 3; i++) {
      await sleep(0);
      print(`background: tick ${i}`);
    }
    await sleep(3600);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("background: cancelled by close()");
    throw e;
  }
}

async function first(): Promise<number> {
  state.background = createTask(background);
  await sleep(0);
  print("first: returns");
  return 1;
}

async function second(): Promise<number> {
  print("second: starts; background done", state.background!.done());
  for (let i = 0; i < 3; i++) await sleep(0);
  print("second: returns");
  return 2;
}

async function nested(runner: Runner): Promise<void> {
  try {
    await runner.run(second);
  } catch (e) {
    print("nested run refused:", e);
  }
}

const runner = new Runner({ clock });
const loop = runner.getLoop();
print(
  "same loop",
  runner.getLoop() === loop,
  "current",
  getEventLoop() === loop,
);
print("first gave", await runner.run(first));
print("second gave", await runner.run(second));
await runner.run(() => nested(runner));
print("same loop after", runner.getLoop() === loop, "closed", loop.isClosed());
await runner.close();
print(
  "closed",
  loop.isClosed(),
  "background cancelled",
  state.background!.cancelled(),
);
try {
  await runner.run(second);
} catch {
  print("run after close refused");
}
await runner.close();
print("close again is fine");

let innerLoop;
{
  await using block = new Runner({ clock });
  innerLoop = block.getLoop();
  print("in the block", await block.run(first));
}
print(
  "after the block, closed",
  innerLoop.isClosed(),
  "background cancelled",
  state.background!.cancelled(),
);
