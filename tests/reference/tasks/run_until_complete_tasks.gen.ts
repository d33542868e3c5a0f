// Tasks on a loop driven by hand: tasks created before the loop runs start
// on its first iteration; run_until_complete() of one task stops when it is
// done and leaves the others pending, to go on at the next run; a task
// run_until_complete() makes from a coroutine gets the next Task-N.
// (Generator tasks.)
import { currentTask, gather, sleep } from "../../../mod.ts";
import { currentLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = currentLoop();

function* worker(name: string, steps: number): Generator<unknown, string> {
  for (let i = 0; i < steps; i++) {
    print(`${name}: step ${i}`);
    yield* sleep(0);
  }
  return name;
}

// deno-lint-ignore require-yield
function* main(): Generator<unknown, string> {
  print("main: runs as", currentTask()!.getName());
  return "main";
}

const a = loop.createTask(worker("a", 1));
const b = loop.createTask(worker("b", 4));
loop.callSoon(print, "callback queued before the run");
print("first run:", await loop.runUntilComplete(a));
print("b pending:", !b.done());
print("second run:", await loop.runUntilComplete(main));
print("b pending:", !b.done());
print("third run:", await loop.runUntilComplete(b));
print(
  "gather run:",
  await loop.runUntilComplete(
    gather([() => worker("c", 1), () => worker("d", 2)]),
  ),
);
loop.close();
