// A task's coroutine starts on the loop's schedule, one iteration after
// create_task(), in creation order among the callbacks queued meanwhile;
// run_until_complete() of a coroutine starts it the same way. (Python's
// `create_task(job('t1'))` is `createTask(() => job("t1"))`: a coroutine
// does not start when it is created, and neither does the function.)
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();

async function job(name: string, inner?: string): Promise<string> {
  print(`${name} starts`);
  if (inner !== undefined) {
    loop.createTask(() => job(inner));
    print(`${name} created ${inner}`);
  }
  const fut = loop.createFuture<string>();
  loop.callSoon((r) => fut.setResult(r), name);
  const value = await fut;
  print(`${name} resumes with ${value}`);
  return value;
}

async function main(): Promise<string> {
  print("main starts");
  const t1 = loop.createTask(() => job("t1", "t1-child"));
  loop.callSoon(print, "callback between t1 and t2");
  const t2 = loop.createTask(() => job("t2"));
  print("main created t1 and t2; not started:", !t1.done(), !t2.done());
  const fut = loop.createFuture<string>();
  t2.addDoneCallback((t) => fut.setResult(t.result()));
  print("main waits for t2 through a done callback");
  print("main got", await fut);
  return "main done";
}

loop.callSoon(print, "callback queued before run_until_complete");
print(await loop.runUntilComplete(main));
loop.stop();
await loop.runForever();
loop.close();
