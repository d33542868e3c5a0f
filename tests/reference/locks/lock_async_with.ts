// async with lock: the lock is held for the block and released however the
// block ends, with an exception or cancelled; the next task in line gets it.
import { createTask, gather, Lock, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, ValueError } from "../_py.ts";

const r = String;

async function ok(lock: Lock, name: string) {
  await lock.run(async () => {
    print(`${name}: in, ${r(lock)}`);
    await sleep(0);
    print(`${name}: out`);
  });
  return name;
}

async function fails(lock: Lock, name: string) {
  await lock.run(async () => {
    print(`${name}: in, raising`);
    await sleep(0);
    throw new ValueError(name);
  });
}

async function sleeper(lock: Lock, name: string) {
  await lock.run(async () => {
    print(`${name}: in, sleeping`);
    await sleep(10);
  });
}

async function main() {
  const lock = new Lock();
  const tasks = [
    createTask(() => ok(lock, "a")),
    createTask(() => fails(lock, "b")),
    createTask(() => sleeper(lock, "c")),
    createTask(() => ok(lock, "d")),
  ];
  for (let i = 0; i < 4; i++) await sleep(0);
  print("main:", r(lock));
  tasks[2]!.cancel();
  const results = await gather(tasks, { returnExceptions: true });
  print(
    "main:",
    results.map((x) => typeof x === "string" ? x : (x as Error).name),
    r(lock),
  );
}

await run(main, { clock });
