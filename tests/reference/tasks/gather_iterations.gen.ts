// The iterations gather() takes, against a ticker: the gather is done one
// iteration after its last child, and the task awaiting it resumes one
// iteration later; children given as coroutines start one iteration after
// the gather() call; a failure reaches the awaiting task the same way.
// (Generator tasks.)
import {
  type EventLoop,
  gather,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

function tick(loop: EventLoop, n: number): void {
  print(`-- tick ${n}`);
  if (n < 12) {
    loop.callSoon(tick, loop, n + 1);
  }
}

function* child(
  name: string,
  steps: number,
  fail = false,
): Generator<unknown, string> {
  print(`${name}: starts`);
  for (let i = 0; i < steps; i++) {
    yield* sleep(0);
  }
  print(`${name}: ends`);
  if (fail) {
    throw new ValueError(name);
  }
  return name;
}

function* main(): Generator<unknown, void> {
  const loop = getRunningLoop();
  loop.callSoon(tick, loop, 0);
  const g = gather([() => child("a", 2), () => child("b", 0)]);
  g.addDoneCallback(() => print("gather done callback"));
  print("main: awaits the gather");
  print("main: got", yield* g);
  try {
    yield* gather([() => child("c", 1, true), () => child("d", 3)]);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("main: gather raised", pyRepr(e));
  }
  print("main: done");
}

await run(main, { clock });
