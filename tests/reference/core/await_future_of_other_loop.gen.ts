// A task may await only futures of its own loop: awaiting a pending future
// of another loop raises RuntimeError in the task on its loop's next
// iteration; a done one is simply read (no yield, no check). (A generator
// task, `yield*`; runUntilComplete() of a generator object.)
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();
const other = newLoop();

function* main(): Generator<unknown, string> {
  const foreign = other.createFuture<string>();
  loop.callSoon(print, "callback queued before the await");
  try {
    yield* foreign;
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    print(
      'RuntimeError ends with "attached to a different loop":',
      e.message.endsWith("attached to a different loop"),
    );
  }
  print("foreign future still pending:", !foreign.done());
  const done = other.createFuture<string>();
  done.setResult("read at once");
  print(yield* done);
  return "main went on";
}

print(await loop.runUntilComplete(main()));
other.close();
loop.close();
