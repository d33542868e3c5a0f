// create_task(coro()) starts the coroutine one iteration later, behind the
// callbacks already queued; tasks start in creation order, and a task made
// by a running task starts after the rest of that iteration. Generator
// tasks: a generator object and a generator function both start on the
// task's first step.
import {
  createTask,
  type EventLoop,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function tick(loop: EventLoop, n: number): void {
  print(`-- tick ${n}`);
  if (n < 6) {
    loop.callSoon(tick, loop, n + 1);
  }
}

function* child(name: string): Generator<unknown, string> {
  print(`${name}: starts`);
  yield* sleep(0);
  print(`${name}: after sleep(0)`);
  return name;
}

function* parent(): Generator<unknown, string> {
  print("parent: starts");
  const loop = getRunningLoop();
  const grandchild = loop.createTask(child("grandchild"));
  loop.callSoon(print, "callback from parent");
  print("parent: grandchild created, done:", grandchild.done());
  const result = yield* grandchild;
  print("parent: grandchild returned", result);
  return "parent";
}

function* main(): Generator<unknown, string> {
  const loop = getRunningLoop();
  loop.callSoon(tick, loop, 0);
  loop.callSoon(print, "callback A");
  const t1 = loop.createTask(child("t1"));
  loop.callSoon(print, "callback B");
  const t2 = createTask(parent);
  loop.callSoon(print, "callback C");
  print("main: created t1 and t2; done:", t1.done(), t2.done());
  yield* sleep(0);
  print("main: after sleep(0)");
  print("main: t1 gives", yield* t1);
  print("main: t2 gives", yield* t2);
  return "main";
}

print(await run(main, { clock }));
