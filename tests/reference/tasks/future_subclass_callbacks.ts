// A task that awaits a Future subclass registers its wakeup through the
// subclass's own addDoneCallback() (Task.__step calls
// result.add_done_callback(self.__wakeup)): a task awaiting it, a task
// cancelled while it waits, and main awaiting one itself. The override holds
// the callbacks back until release(), so the tasks resume only then.
import {
  CancelledError,
  createTask,
  Future,
  type FutureOptions,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

class HeldFuture<T> extends Future<T> {
  held: ((future: Future<T>) => void)[] = [];

  constructor(readonly name: string, options?: FutureOptions) {
    super(options);
  }

  override addDoneCallback(fn: (future: Future<T>) => void): void {
    print(
      `${this.name}: add_done_callback, callable:`,
      typeof fn === "function",
    );
    this.held.push(fn);
  }

  release(): void {
    print(`${this.name}: release ${this.held.length}`);
    for (const fn of this.held) super.addDoneCallback(fn);
    this.held = [];
  }
}

async function waiter<T>(fut: HeldFuture<T>): Promise<T> {
  print(`waiter: awaits ${fut.name}`);
  let result: T;
  try {
    result = await fut;
  } catch (e) {
    if (e instanceof CancelledError) print(`waiter: cancelled at ${fut.name}`);
    throw e;
  }
  print(`waiter: got ${result}`);
  return result;
}

async function main(): Promise<void> {
  const loop = getRunningLoop();
  const first = new HeldFuture<number>("first", { loop });
  let task = createTask(() => waiter(first));
  await sleep(0);
  first.setResult(42);
  await sleep(0);
  print("main: set, task still waits:", !task.done());
  first.release();
  print("main: task gave", await task);

  const second = new HeldFuture<number>("second", { loop });
  task = createTask(() => waiter(second));
  await sleep(0);
  task.cancel();
  await sleep(0);
  print("main: cancelled, task still waits:", !task.done());
  second.release();
  try {
    await task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: task cancelled:", task.cancelled(), second.cancelled());
  }

  const third = new HeldFuture<string>("third", { loop });
  loop.callSoon(() => third.setResult("x"));
  loop.callSoon(() => third.release());
  print("main: awaits third");
  print("main: got", await third);
}

await run(main, { clock });
