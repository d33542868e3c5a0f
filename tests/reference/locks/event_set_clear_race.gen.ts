// set() then clear() before the waiters run still wakes them all (their
// futures are done); a waiter that comes after clear() waits for the next
// set(); cancelling a waiter leaves the event alone. (Generator tasks.)
import {
  CancelledError,
  createTask,
  Event,
  gather,
  run,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, str } from "../_py.ts";

const r = String;

function* waiter(event: Event, name: string) {
  try {
    yield* event.wait();
    print(`${name}: woke, is_set() = ${str(event.isSet())}`);
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled, ${r(event)}`);
    throw e;
  }
}

function* main() {
  const event = new Event();
  const a = createTask(waiter(event, "a"));
  const b = createTask(waiter(event, "b"));
  yield;
  event.set();
  event.clear();
  print("main: set and cleared,", r(event));
  const c = createTask(waiter(event, "c"));
  yield* gather([a, b]);
  print("main: a and b done; c", c.done(), r(event));
  const d = createTask(waiter(event, "d"));
  yield;
  print("main:", r(event));
  c.cancel();
  yield;
  print("main:", r(event), c.cancelled());
  event.set();
  yield* d;
  b.cancel();
  print("main: set,", r(event), "cancel() of a done waiter ->", b.cancel());
}

await run(main, { clock });
