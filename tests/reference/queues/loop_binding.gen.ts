// A queue binds to the running loop the first time it has to wait; the
// methods that do not wait, and waiting methods that need not wait, work
// from any loop; waiting in another loop raises RuntimeError. (Generator tasks.)
import { Queue, waitFor } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

function* get(q: Queue<string>): Generator<unknown, string> {
  return yield* q.get();
}

function* put(q: Queue<string>, item: string): Generator<unknown, void> {
  yield* q.put(item);
}

const q = new Queue<string>({ maxsize: 1 });
const loop1 = newLoop();
const loop2 = newLoop();
q.putNowait("made outside");
print("loop2: get ->", await loop2.runUntilComplete(get(q)));
loop1.callLater(0.01, (item) => q.putNowait(item), "from loop1");
print("loop1: get ->", await loop1.runUntilComplete(get(q)));
print("loop2: put without waiting");
await loop2.runUntilComplete(put(q, "x"));
try {
  await loop2.runUntilComplete(put(q, "y"));
} catch (e) {
  print(
    "loop2: put that waits:",
    "RuntimeError",
    (e as Error).message.split(">").at(-1)!.trim(),
    q,
  );
}
try {
  await loop2.runUntilComplete(() => waitFor(get(q), 1));
  print("loop2: get that need not wait works, then one that waits:");
  await loop2.runUntilComplete(get(q));
} catch (e) {
  print("RuntimeError", (e as Error).message.split(">").at(-1)!.trim(), q);
}
loop1.close();
loop2.close();
