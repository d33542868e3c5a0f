// Task.get_stack() and print_stack(), by their shape (JavaScript has no
// frames of a suspended coroutine, so only the shape compares): a task not
// started yet, or suspended, has one frame, its coroutine's; one that
// finished with a result, or was cancelled, has none; a failed one has the
// frames of its exception, the newest its coroutine's. print_stack() begins
// "Stack for", "No stack for" or "Traceback for" and ends a failed task's
// with its exception.
import {
  createTask,
  type Future,
  getRunningLoop,
  run,
  sleep,
  type Task,
  wait,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr } from "../_py.ts";

class Boom extends Error {
  override name = "Boom";
}

function shape(label: string, task: Task<unknown>): void {
  const frames = task.getStack();
  const newest = frames.length > 0 ? frames.at(-1)!.name : null;
  let text = "";
  task.printStack({ print: (printed) => text = printed });
  const lines = text.split("\n");
  const head = lines[0]!.split(" <")[0];
  const failed = !task.cancelled() && task.done() &&
    task.exception() !== undefined;
  const tail = failed ? lines.at(-1) : "";
  if (!failed) {
    print(
      `${label}: ${frames.length} frame(s), newest ${pyRepr(newest)}; ${
        pyRepr(head)
      }`.replace(`newest '${newest}'`, `newest ${newest}`),
    );
  } else {
    print(
      `${label}: newest frame ${newest}; ${pyRepr(head)} ... ${pyRepr(tail)}`,
    );
  }
}

// The task's coroutine is the function it runs: a named one, as Python's
// `waiting(fut)` coroutine is named after its function.
function waiting(fut: Future<void>): () => Promise<void> {
  return async function waiting() {
    await fut;
  };
}

// deno-lint-ignore require-await
async function done(): Promise<number> {
  return 42;
}

async function failing(): Promise<never> {
  await sleep(0);
  throw new Boom("boom");
}

async function main(): Promise<void> {
  const loop = getRunningLoop();
  const fut = loop.createFuture<void>();
  const a = createTask(waiting(fut));
  shape("not started", a);
  await sleep(0);
  shape("suspended", a);
  const b = createTask(done);
  const c = createTask(failing);
  const d = createTask(waiting(loop.createFuture<void>()));
  await sleep(0);
  d.cancel();
  fut.setResult();
  await wait<unknown>([a, b, c, d]);
  shape("finished", b);
  shape("cancelled", d);
  shape("failed", c);
  shape("finished after awaiting", a);
}

await run(main, { clock });
