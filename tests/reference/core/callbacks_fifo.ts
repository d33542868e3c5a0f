// Callbacks run in the order they were scheduled (FIFO), with their args.
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

function cb(name: string, n: number | string): void {
  print(`${name} ${n}`);
}

const loop = newLoop();
for (let i = 0; i < 5; i++) {
  loop.callSoon(cb, "a", i);
}
loop.callSoon(cb, "b", "last");
loop.callSoon(() => loop.stop());
loop.callSoon(cb, "c", "after stop, same iteration");
print("running");
await loop.runForever();
print("stopped");
loop.close();
