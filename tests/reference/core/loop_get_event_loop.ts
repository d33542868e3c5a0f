// get_event_loop(), set_event_loop() and Future() without a loop: the
// running loop first, else the current loop, created on first use. (The
// loop that getEventLoop() creates has the real clock whatever the harness
// asks; nothing here depends on time.)
import {
  Future,
  getEventLoop,
  getRunningLoop,
  setEventLoop,
} from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

function attempt(label: string, fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    print(
      `${label}: RuntimeError: ${
        str(e.message.startsWith("There is no current event loop"))
      }`,
    );
    return;
  }
  print(`${label}: returned`);
}

function str(value: boolean): string {
  return value ? "True" : "False";
}

const loop = getEventLoop();
print("same loop twice:", getEventLoop() === loop);
const fut = new Future();
print("Future() binds to it:", fut.getLoop() === loop);
const other = newLoop();
print("new_event_loop() does not change it:", getEventLoop() === loop);

function inside(): void {
  print("inside other: get_event_loop is other:", getEventLoop() === other);
  print("get_running_loop is other:", getRunningLoop() === other);
  print(
    "Future() binds to the running loop:",
    new Future().getLoop() === other,
  );
}

other.callSoon(inside);
other.callSoon(() => other.stop());
await other.runForever();
print("after the run, current again:", getEventLoop() === loop);
setEventLoop(other);
print("set_event_loop(other):", getEventLoop() === other);
setEventLoop(null);
attempt("get_event_loop after set_event_loop(None)", getEventLoop);
attempt("Future() after set_event_loop(None)", () => new Future());
print(
  "loop.create_future() still works:",
  loop.createFuture().getLoop() === loop,
);
other.callSoon(inside);
other.callSoon(() => other.stop());
await other.runForever();
setEventLoop(loop);
print("set back:", getEventLoop() === loop);
other.close();
loop.close();
print("a closed loop stays current:", getEventLoop() === loop);
