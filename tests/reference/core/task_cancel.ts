// Task.cancel(): the task's code gets CancelledError at the await it is
// suspended on; it may catch it and go on, or let it end the task
// cancelled. A task cancelled before it starts never runs its code.
import { CancelledError, type Task } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print, pyRepr, str } from "../_py.ts";

const loop = newLoop();

async function worker(): Promise<void> {
  const fut = loop.createFuture<void>();
  print("worker: awaiting fut");
  try {
    await fut;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("worker: caught CancelledError", pyRepr(str(e)));
    print("worker: fut cancelled too:", fut.cancelled());
  }
  const again = loop.createFuture<void>();
  print("worker: awaiting again");
  // Scheduled from here, not up front: on a loaded machine a timer set
  // earlier could fire before the first cancellation is delivered.
  loop.callLater(0.01, secondCancel);
  await again;
  print("never printed");
}

// deno-lint-ignore require-await
async function neverStarted(): Promise<void> {
  print("never printed either");
}

function cancelIt(task: Task<void>, msg: string): void {
  print(`cancel(${pyRepr(msg)}) returns`, task.cancel(msg));
  print("cancelling():", task.cancelling());
}

const task = loop.createTask(worker);
loop.callSoon(() => loop.callSoon(cancelIt, task, "first"));
loop.callSoon(print, "ready callback");
const late = loop.createTask(neverStarted);
print("cancel before start:", late.cancel());

function secondCancel(): void {
  cancelIt(task, "second");
}

try {
  await loop.runUntilComplete(task);
} catch (e) {
  if (!(e instanceof CancelledError)) throw e;
  print("run_until_complete: CancelledError", pyRepr(str(e)));
}
print("task cancelled:", task.cancelled(), "late cancelled:", late.cancelled());
print("cancel a done task:", task.cancel());
loop.close();
