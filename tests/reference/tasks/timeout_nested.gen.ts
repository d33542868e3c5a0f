// Nested timeouts. The inner one expiring first raises TimeoutError inside
// the outer block, which goes on. The outer one expiring first cancels the
// code in the inner block too; the inner block lets the CancelledError
// through and the outer one turns it into TimeoutError. A cancellation from
// elsewhere during an expiry is not swallowed: it stays a CancelledError.
// (Generator tasks: `within()` is `async with cm:` around a generator body,
// with Timeout's enter() and exit().)
import {
  CancelledError,
  createTask,
  currentTask,
  run,
  sleep,
  type Timeout,
  timeout,
  TimeoutError,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

function* within<T>(
  cm: Timeout,
  body: () => Generator<unknown, T>,
): Generator<unknown, T> {
  cm.enter();
  let result: T;
  try {
    result = yield* body();
  } catch (e) {
    cm.exit(e, true);
    throw e;
  }
  cm.exit();
  return result;
}

function* victim(): Generator<unknown, void> {
  try {
    yield* within(timeout(0.01), function* () {
      try {
        yield* sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        print(
          "victim: cancelled by its timeout; now cancelled from outside too",
        );
        currentTask()!.cancel();
        yield;
      }
    });
  } catch (e) {
    if (e instanceof TimeoutError) {
      print("never printed");
      return;
    }
    if (e instanceof CancelledError) {
      print(
        "victim: CancelledError, not TimeoutError; cancelling() =",
        currentTask()!.cancelling(),
      );
    }
    throw e;
  }
}

function* main(): Generator<unknown, void> {
  const me = currentTask()!;
  let outer = timeout(10);
  let inner = timeout(0.01);
  yield* within(outer, function* () {
    try {
      yield* within(inner, function* () {
        yield* sleep(10);
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print("inner expired first: TimeoutError inside the outer block");
    }
    yield* sleep(0);
    print("outer block goes on");
  });
  print("expired():", inner.expired(), outer.expired());

  outer = timeout(0.01);
  try {
    yield* within(outer, function* () {
      inner = timeout(10);
      try {
        yield* within(inner, function* () {
          try {
            yield* sleep(10);
          } catch (e) {
            if (e instanceof CancelledError) {
              print("code in the inner block: cancelled");
            }
            throw e;
          }
        });
      } catch (e) {
        if (e instanceof CancelledError) {
          print("inner block: lets CancelledError through");
        }
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("outer expired first: TimeoutError out of the outer block");
  }
  print("expired():", inner.expired(), outer.expired());

  const t = createTask(victim());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("victim ended cancelled:", t.cancelled());
  }
  print("main: cancelling() =", me.cancelling());
}

await run(main, { clock });
