// A task that stops the loop is left pending ("Event loop stopped before
// Future completed."); running the loop again resumes it where it waits.
// (A generator task.)
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();
const gate = loop.createFuture<string>();

function* main(): Generator<unknown, string> {
  print("main: stops the loop, then awaits gate");
  loop.stop();
  loop.callSoon(print, "callback scheduled by main before the await");
  const value = yield* gate;
  print(`main: resumed with ${value}`);
  return "main done";
}

const task = loop.createTask(main);
try {
  await loop.runUntilComplete(task);
} catch (e) {
  if (!(e instanceof Error)) throw e;
  print("RuntimeError:", e);
}
print("task done:", task.done());
loop.callSoon((r) => gate.setResult(r), "the gate");
print(await loop.runUntilComplete(task));
loop.close();
