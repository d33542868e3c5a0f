// q.get() and q.put() are coroutines: nothing happens until they run, and
// gather() runs each in a task of its own, in order; an unawaited
// coroutine takes nothing (it is closed here so Python does not warn).
import { ensureFuture, gather, Queue, run } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

async function main(): Promise<void> {
  const q = new Queue<number>();
  const lazy = q.get();
  q.putNowait(1);
  print("after q.get() and a put:", q);
  const results = await gather([q.get(), q.get(), q.put(2), q.put(3)]);
  print("gather ->", results, q);
  lazy.return(undefined as never);
  q.putNowait(4);
  print("get ->", await q.get(), q);
  const t = ensureFuture(q.get());
  print("ensure_future: done?", t.done(), q);
  q.putNowait(5);
  print("task ->", await t, q);
}

await run(main, { clock });
