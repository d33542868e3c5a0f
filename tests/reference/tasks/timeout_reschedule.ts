// Moving a deadline: reschedule() a timeout(None) to make it expire, to
// None or far away to keep it from expiring, into the past to expire at the
// next iteration; timeout_at() takes a loop time. A timeout that is not
// active refuses reschedule().
import {
  CancelledError,
  getRunningLoop,
  run,
  sleep,
  timeout,
  timeoutAt,
  TimeoutError,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

async function main(): Promise<void> {
  const loop = getRunningLoop();
  try {
    await timeout(null, async (cm) => {
      cm.reschedule(loop.time() + 0.01);
      await sleep(10);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("None, rescheduled to soon: TimeoutError");
  }

  let cm = timeout(0.01);
  await cm.run(async (cm) => {
    cm.reschedule(null);
    await sleep(0.02);
  });
  print("rescheduled to None: expired()", cm.expired());

  cm = timeout(0.01);
  await cm.run(async (cm) => {
    cm.reschedule(loop.time() + 10);
    await sleep(0.02);
  });
  print("rescheduled later: expired()", cm.expired());

  try {
    await timeout(10, async (cm) => {
      cm.reschedule(loop.time() - 1);
      print("rescheduled into the past: still runs until it awaits");
      await sleep(10);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("rescheduled into the past: TimeoutError");
  }

  const t0 = loop.time();
  cm = timeoutAt(t0 + 0.01);
  try {
    await cm.run(async (cm) => {
      print(`timeout_at: when() - t0 = ${(cm.when()! - t0).toFixed(3)}`);
      await sleep(10);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("timeout_at: TimeoutError, expired()", cm.expired());
  }

  for (const when of [null, 1.0]) {
    try {
      cm.reschedule(when);
    } catch (e) {
      print("reschedule() after exit:", e);
    }
  }
  try {
    timeout(1).reschedule(null);
  } catch (e) {
    print("reschedule() before enter:", e);
  }
  try {
    await timeout(0.01, async (cm) => {
      try {
        await sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        cm.reschedule(null);
      }
    });
  } catch (e) {
    print("reschedule() while expiring:", e);
  }
}

await run(main, { clock });
