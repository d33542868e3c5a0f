// Without return_exceptions, the first exception of a child becomes the
// gather's at once; the other children are not cancelled and keep running,
// and a later failure is not reported. The finished gather cannot be
// cancelled any more. (Generator tasks.)
import { createTask, gather, run, sleep, type Task } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

function* worker(
  name: string,
  steps: number,
  fail = false,
): Generator<unknown, string> {
  for (let i = 0; i < steps; i++) {
    yield;
  }
  if (fail) {
    print(`${name}: raises`);
    throw new ValueError(`${name} failed`);
  }
  print(`${name}: returns`);
  return name;
}

function status(t: Task<string>): string {
  if (t.cancelled()) return "cancelled";
  if (!t.done()) return "pending";
  return t.exception() ? pyRepr(t.exception()) : pyRepr(t.result());
}

function* main(): Generator<unknown, void> {
  const tasks = [
    createTask(worker("a", 1, true)),
    createTask(worker("b", 3)),
    createTask(worker("c", 2, true)),
  ];
  const g = gather(tasks);
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("main: gather raised", pyRepr(e));
  }
  print("main: children now", tasks.map(status));
  print("main: gather.cancel() ->", g.cancel(), pyRepr(g.exception()));
  for (let i = 0; i < 3; i++) {
    yield* sleep(0);
  }
  print("main: children later", tasks.map(status));
}

await run(main, { clock });
