// A task runs in a copy of the context current when it was created: what
// its creator sets afterwards is not seen, and what the task sets stays its
// own. run() runs main in a copy of the top-level context. (Generator
// tasks.)
import { ContextVar, createTask, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const request = new ContextVar("request", { default: "none" });

function* child(name: string): Generator<unknown, string> {
  print(`${name}: starts with`, request.get());
  request.set(name);
  yield* sleep(0.01);
  print(`${name}: after sleep`, request.get());
  return request.get();
}

function* main(): Generator<unknown, void> {
  print("main: starts with", request.get());
  request.set("main");
  const a = createTask(child("a"));
  request.set("main-2");
  const b = createTask(child("b"));
  yield* sleep(0);
  print("main: after the children started", request.get());
  const ra = yield* a;
  const rb = yield* b;
  print("main: results", ra, rb);
  print("main: ends with", request.get());
  request.set("main-3");
}

print("top: starts with", request.get());
request.set("top");
await run(main, { clock });
print("top: ends with", request.get());
