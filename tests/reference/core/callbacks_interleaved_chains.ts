// Chains of callbacks that reschedule themselves interleave one step per
// iteration; a callback that schedules two runs both in the next iteration.
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();

function chain(name: string, n: number, limit: number): void {
  print(`${name}${n}`);
  if (n < limit) {
    loop.callSoon(chain, name, n + 1, limit);
  }
}

function fork(depth: number): void {
  print(`fork depth ${depth}`);
  if (depth < 2) {
    loop.callSoon(fork, depth + 1);
    loop.callSoon(chain, `x${depth}-`, 0, 1);
  }
}

function after(n: number, fn: () => void): void {
  if (n === 0) {
    fn();
  } else {
    loop.callSoon(after, n - 1, fn);
  }
}

function finish(): void {
  print("finish");
  loop.stop();
}

loop.callSoon(chain, "a", 0, 3);
loop.callSoon(chain, "b", 0, 2);
loop.callSoon(fork, 0);
loop.callSoon(chain, "c", 0, 4);
loop.callSoon(after, 3, finish);
await loop.runForever();
loop.close();
