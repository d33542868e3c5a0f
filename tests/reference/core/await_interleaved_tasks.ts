// Several tasks hand futures to each other, and a ticker shows in which
// iteration each resumption happens.
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();
const pingTurn = Array.from({ length: 3 }, () => loop.createFuture<number>());
const pongTurn = Array.from({ length: 3 }, () => loop.createFuture<number>());
const third = loop.createFuture<string>();

function tick(n: number): void {
  print(`-- tick ${n}`);
  if (n < 12) {
    loop.callSoon(tick, n + 1);
  }
}

async function ping(): Promise<string> {
  for (let i = 0; i < 3; i++) {
    print(`ping ${i}: hands over`);
    pongTurn[i]!.setResult(i);
    const value = await pingTurn[i]!;
    print(`ping ${i}: back with ${value}`);
  }
  return "ping done";
}

async function pong(): Promise<string> {
  for (let i = 0; i < 3; i++) {
    const value = await pongTurn[i]!;
    print(`pong ${i}: got ${value}`);
    if (i === 1) {
      loop.callSoon((r) => third.setResult(r), "via a callback");
      print("pong: waits for third");
      print(`pong: ${await third}`);
    }
    pingTurn[i]!.setResult(value * 10);
  }
  return "pong done";
}

async function observer(): Promise<void> {
  print(`observer: ${await third}`);
  print(`observer: ping_turn[2] is ${await pingTurn[2]!}`);
}

loop.callSoon(tick, 0);
const tasks = [
  loop.createTask(ping),
  loop.createTask(pong),
  loop.createTask(observer),
] as const;
print(await loop.runUntilComplete(tasks[0]));
print("pong", tasks[1].result(), "observer", tasks[2].done());
loop.close();
