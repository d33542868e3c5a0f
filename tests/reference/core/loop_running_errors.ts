// Running a loop that runs, closing it, or running another loop inside it is
// refused; the running loop is visible through get_running_loop().
// (runForever and runUntilComplete report these errors as rejections.)
import { getRunningLoop } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();
const other = newLoop();

async function attempt(label: string, fn: () => unknown): Promise<void> {
  try {
    const value = fn();
    // Only the runs answer with a promise; a future is not awaited here.
    if (value instanceof Promise) await value;
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    print(`${label}: RuntimeError: ${e.message}`);
    return;
  }
  print(`${label}: no error`);
}

async function main(): Promise<string> {
  print("is_running inside:", loop.isRunning());
  print("get_running_loop is loop:", getRunningLoop() === loop);
  const fut = loop.createFuture<string>();
  await attempt("run_forever", () => loop.runForever());
  await attempt("run_until_complete", () => loop.runUntilComplete(fut));
  await attempt("close", () => loop.close());
  await attempt("other.run_forever", () => other.runForever());
  await attempt(
    "other.run_until_complete",
    () => other.runUntilComplete(other.createFuture()),
  );
  print("still running:", loop.isRunning(), "closed:", loop.isClosed());
  loop.callSoon((r) => fut.setResult(r), "the loop is fine");
  return await fut;
}

print("is_running before:", loop.isRunning());
await attempt("get_running_loop outside", getRunningLoop);
print(await loop.runUntilComplete(main));
print("is_running after:", loop.isRunning());
print("other is_running:", other.isRunning(), "closed:", other.isClosed());
other.callSoon(print, "other runs afterwards");
other.callSoon(() => other.stop());
await other.runForever();
other.close();
loop.close();
