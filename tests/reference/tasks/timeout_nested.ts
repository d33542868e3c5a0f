// Nested timeouts. The inner one expiring first raises TimeoutError inside
// the outer block, which goes on. The outer one expiring first cancels the
// code in the inner block too; the inner block lets the CancelledError
// through and the outer one turns it into TimeoutError. A cancellation from
// elsewhere during an expiry is not swallowed: it stays a CancelledError.
import {
  CancelledError,
  createTask,
  currentTask,
  run,
  sleep,
  timeout,
  TimeoutError,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

async function main(): Promise<void> {
  const me = currentTask()!;
  let outer = timeout(10);
  let inner = timeout(0.01);
  await outer.run(async () => {
    try {
      await inner.run(async () => {
        await sleep(10);
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print("inner expired first: TimeoutError inside the outer block");
    }
    await sleep(0);
    print("outer block goes on");
  });
  print("expired():", inner.expired(), outer.expired());

  outer = timeout(0.01);
  try {
    await outer.run(async () => {
      inner = timeout(10);
      try {
        await inner.run(async () => {
          try {
            await sleep(10);
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

  async function victim(): Promise<void> {
    try {
      await timeout(0.01, async () => {
        try {
          await sleep(10);
        } catch (e) {
          if (!(e instanceof CancelledError)) throw e;
          print(
            "victim: cancelled by its timeout; now cancelled from outside too",
          );
          currentTask()!.cancel();
          await sleep(0);
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

  const t = createTask(victim);
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("victim ended cancelled:", t.cancelled());
  }
  print("main: cancelling() =", me.cancelling());
}

await run(main, { clock });
