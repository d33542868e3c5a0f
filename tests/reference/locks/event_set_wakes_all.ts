// Event.set() from a plain callback wakes every waiter, in the order they
// started waiting; wait() on a set event returns at once, without yielding.
import {
  createTask,
  Event,
  gather,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const r = String;

async function waiter(event: Event, name: string) {
  print(`${name}: waits`);
  print(`${name}: woke ->`, await event.wait());
  return name;
}

async function ticker(n: number) {
  for (let i = 0; i < n; i++) {
    print(`tick ${i}`);
    await sleep(0);
  }
}

async function main() {
  const loop = getRunningLoop();
  const event = new Event();
  print("main:", r(event), event.isSet());
  const tasks = [..."abc"].map((n) => createTask(() => waiter(event, n)));
  await sleep(0);
  print("main:", r(event));
  loop.callSoon(() => event.set());
  const t = createTask(() => ticker(3));
  print("main:", await gather(tasks), r(event), event.isSet());
  await t;
  print("main: set again, no change:", event.set(), r(event));
  const tick = createTask(() => ticker(1));
  print("main: wait on a set event ->", await event.wait(), tick.done());
  await tick;
}

await run(main, { clock });
