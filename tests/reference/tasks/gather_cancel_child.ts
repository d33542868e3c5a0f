// A child of a gather that is cancelled on its own makes the gather raise
// CancelledError (its message included) while the other children keep
// running; the task awaiting the gather is not itself cancelled. Cancelling
// the task that awaits a gather cancels the gather and so every child.
import {
  CancelledError,
  createTask,
  currentTask,
  type Future,
  gather,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr } from "../_py.ts";

function msg(e: CancelledError): string {
  return e.message !== "" ? pyRepr(e.message) : "no message";
}

async function child(name: string, steps: number): Promise<string> {
  try {
    for (let i = 0; i < steps; i++) {
      await sleep(0);
    }
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled with`, msg(e));
    throw e;
  }
  print(`${name}: returns`);
  return name;
}

async function waiter(g: Future<string[]>): Promise<string[]> {
  try {
    return await g;
  } catch (e) {
    if (e instanceof CancelledError) {
      const me = currentTask()!;
      print(
        "waiter: CancelledError with",
        msg(e),
        "; cancelling() =",
        me.cancelling(),
      );
    }
    throw e;
  }
}

async function main(): Promise<void> {
  let kids = ["a", "b", "c"].map((n) => createTask(() => child(n, 3)));
  let g = gather(kids);
  let w = createTask(() => waiter(g));
  await sleep(0);
  kids[1]!.cancel("just b");
  try {
    await w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: waiter ended cancelled:", w.cancelled());
  }
  print("main: kids", kids.map((k) => k.done()));
  await gather(kids, { returnExceptions: true });
  print("main: kids", kids.map((k) => k.cancelled()));

  kids = ["d", "e"].map((n) => createTask(() => child(n, 3)));
  g = gather(kids);
  w = createTask(() => waiter(g));
  await sleep(0);
  w.cancel("the waiter");
  try {
    await w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: waiter ended cancelled:", w.cancelled());
  }
  print("main: kids", kids.map((k) => k.cancelled()));
}

await run(main, { clock });
