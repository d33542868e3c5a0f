// Three tasks loop on sleep(0) with different step counts: each sleep(0)
// yields exactly one iteration, so they take turns in creation order with
// a ticker between them, and finish one by one. (The generator tasks of
// the TypeScript side give up their turn with a bare `yield`, some of them,
// and with `yield* sleep(0)` the others: both are one iteration.)
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
  if (n < 9) {
    loop.callSoon(tick, loop, n + 1);
  }
}

function* stepper(name: string, steps: number): Generator<unknown, number> {
  for (let i = 0; i < steps; i++) {
    print(`${name} step ${i}`);
    yield;
  }
  print(`${name} done`);
  return steps;
}

function* alternate(name: string, steps: number): Generator<unknown, number> {
  for (let i = 0; i < steps; i++) {
    print(`${name} step ${i}`);
    if (i % 2 === 0) {
      yield;
    } else {
      yield* sleep(0);
    }
  }
  print(`${name} done`);
  return steps;
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  loop.callSoon(tick, loop, 0);
  const a = createTask(stepper("a", 3));
  const b = createTask(alternate("b", 1));
  const c = createTask(() => alternate("c", 4));
  loop.callSoon(print, "callback after the tasks");
  print("main: sum", (yield* a) + (yield* b) + (yield* c));
  yield;
  print("main: after one more sleep(0)");
  yield* sleep(0);
  print("main: after a second one");
}

await run(main, { clock });
