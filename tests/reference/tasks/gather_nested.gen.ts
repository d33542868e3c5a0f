// A gather of gathers: results nest; cancelling the outer gather cancels
// the inner gathers and through them every task, with the message; an
// inner failure without return_exceptions fails the outer gather while
// the other tasks go on. (Generator tasks.)
import {
  CancelledError,
  createTask,
  gather,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

function msg(e: CancelledError): string {
  return e.message !== "" ? pyRepr(e.message) : "no message";
}

function* leaf(
  name: string,
  steps: number,
  fail = false,
): Generator<unknown, string> {
  try {
    for (let i = 0; i < steps; i++) {
      yield* sleep(0);
    }
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled with`, msg(e));
    throw e;
  }
  if (fail) {
    print(`${name}: raises`);
    throw new ValueError(`${name} failed`);
  }
  return name;
}

function* main(): Generator<unknown, void> {
  const g = gather([
    gather([() => leaf("a", 1), () => leaf("b", 2)]),
    gather([() => leaf("c", 0)]),
    () => leaf("d", 1),
  ]);
  print("nested results:", yield* g);

  const g2 = gather([
    gather([() => leaf("e", 50), () => leaf("f", 50)]),
    () => leaf("g", 50),
  ]);
  yield* sleep(0);
  g2.cancel("all of them");
  try {
    yield* g2;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("outer gather: CancelledError with", msg(e));
  }

  const tasks = [
    createTask(leaf("h", 1, true)),
    createTask(leaf("i", 3)),
  ];
  const g3 = gather([gather(tasks), () => leaf("j", 2)]);
  try {
    yield* g3;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("outer gather raised", pyRepr(e), "; i done:", tasks[1]!.done());
  }
  print("i gives", yield* tasks[1]!);
}

await run(main, { clock });
