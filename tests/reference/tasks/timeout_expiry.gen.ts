// asyncio.timeout(): when the deadline passes, the code inside is cancelled
// (it sees CancelledError) and the block raises TimeoutError; expired()
// says so, and the task's cancel request is taken back. A block that ends
// in time gives no error; timeout(None) never expires; code that swallows
// the cancellation ends the block normally, expired all the same.
// (Generator tasks: `within()` is `async with cm:` around a generator body,
// with Timeout's enter() and exit().)
import {
  CancelledError,
  currentTask,
  run,
  sleep,
  type Timeout,
  timeout,
  TimeoutError,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, str } from "../_py.ts";

function* within<T>(
  cm: Timeout,
  body: (cm: Timeout) => Generator<unknown, T>,
): Generator<unknown, T> {
  cm.enter();
  let result: T;
  try {
    result = yield* body(cm);
  } catch (e) {
    cm.exit(e, true);
    throw e;
  }
  cm.exit();
  return result;
}

function* main(): Generator<unknown, void> {
  const me = currentTask()!;
  let cm = timeout(0.01);
  print("created:", String(cm), "expired()", cm.expired());
  try {
    yield* within(cm, function* () {
      try {
        yield* sleep(10);
      } catch (e) {
        if (e instanceof CancelledError) {
          print("inside: cancelled; cancelling() =", me.cancelling());
        }
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(
      "TimeoutError",
      pyRepr(str(e)),
      "; expired()",
      cm.expired(),
      String(cm),
      "; cancelling() =",
      me.cancelling(),
    );
    print(
      "its cause is the CancelledError:",
      e.cause instanceof CancelledError,
    );
  }

  cm = timeout(1);
  yield* within(cm, function* () {
    yield* sleep(0.01);
  });
  print("in time: expired()", cm.expired(), String(cm));

  cm = timeout(null);
  yield* within(cm, function* (cm) {
    print("no deadline:", cm.when(), String(cm));
    yield* sleep(0.01);
  });
  print("no deadline: expired()", cm.expired());

  cm = timeout(0.01);
  yield* within(cm, function* () {
    try {
      yield* sleep(10);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("inside: swallows the cancellation");
    }
  });
  print(
    "swallowed: expired()",
    cm.expired(),
    "; cancelling() =",
    me.cancelling(),
  );

  try {
    yield* within(timeout(0), function* () {
      print("timeout(0): the body runs up to its first await");
      yield;
      print("never printed");
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("timeout(0): TimeoutError");
  }
}

await run(main, { clock });
