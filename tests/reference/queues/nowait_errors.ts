// The methods that do not wait work from plain callbacks: put_nowait()
// raises QueueFull on a full queue, get_nowait() QueueEmpty on an empty one,
// task_done() ValueError when called once too often; qsize(), empty(),
// full() and str() follow.
import { type EventLoop, Queue, QueueEmpty, QueueFull } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print, pyRepr } from "../_py.ts";

const METHODS: Record<string, keyof Queue<unknown>> = {
  "put_nowait": "putNowait",
  "get_nowait": "getNowait",
  "task_done": "taskDone",
  qsize: "qsize",
  full: "full",
  empty: "empty",
};

function step(q: Queue<unknown>, name: string, ...args: unknown[]): void {
  const call = `${name}(${args.map(pyRepr).join(", ")})`;
  try {
    const method = q[METHODS[name]!] as (...args: unknown[]) => unknown;
    const result = method.apply(q, args);
    print(`${call} -> ${pyRepr(result)}, ${q}`);
  } catch (e) {
    if (e instanceof QueueEmpty || e instanceof QueueFull) {
      print(`${call} raised ${e.name}, ${q}`);
    } else {
      const message = (e as Error).message.replace("taskDone", "task_done");
      print(`${call} raised ${message}, ${q}`);
    }
  }
}

function main(loop: EventLoop, q: Queue<unknown>): void {
  for (
    const [name, ...args] of [
      ["put_nowait", "a"],
      ["put_nowait", "it's"],
      [
        "put_nowait",
        "c",
      ],
      ["qsize"],
      ["full"],
      ["get_nowait"],
      ["task_done"],
      ["get_nowait"],
      [
        "get_nowait",
      ],
      ["empty"],
      ["task_done"],
      ["task_done"],
      ["task_done"],
    ]
  ) {
    loop.callSoon(step, q, name!, ...args);
  }
  loop.callSoon(() => loop.stop());
}

const loop = newLoop();
let q = new Queue<unknown>({ maxsize: 2 });
print(q, q.maxsize, q.qsize(), q.empty(), q.full());
main(loop, q);
await loop.runForever();
q = new Queue();
for (let i = 0; i < 5; i++) {
  q.putNowait(i);
}
print(q, q.full());
loop.close();
