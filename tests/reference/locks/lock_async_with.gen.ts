// async with lock: the lock is held for the block and released however the
// block ends, with an exception or cancelled; the next task in line gets it.
// (Generator tasks: `async with lock` is acquire(), then release() in a
// finally block, as asyncio's __aenter__ and __aexit__ do.)
import { createTask, gather, Lock, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, ValueError } from "../_py.ts";

const r = String;

function* ok(lock: Lock, name: string) {
  yield* lock.acquire();
  try {
    print(`${name}: in, ${r(lock)}`);
    yield;
    print(`${name}: out`);
  } finally {
    lock.release();
  }
  return name;
}

function* fails(lock: Lock, name: string) {
  yield* lock.acquire();
  try {
    print(`${name}: in, raising`);
    yield;
    throw new ValueError(name);
  } finally {
    lock.release();
  }
}

function* sleeper(lock: Lock, name: string) {
  yield* lock.acquire();
  try {
    print(`${name}: in, sleeping`);
    yield* sleep(10);
  } finally {
    lock.release();
  }
}

function* main() {
  const lock = new Lock();
  const tasks = [
    createTask(ok(lock, "a")),
    createTask(fails(lock, "b")),
    createTask(sleeper(lock, "c")),
    createTask(ok(lock, "d")),
  ];
  for (let i = 0; i < 4; i++) yield;
  print("main:", r(lock));
  tasks[2]!.cancel();
  const results = yield* gather(tasks, { returnExceptions: true });
  print(
    "main:",
    results.map((x) => typeof x === "string" ? x : (x as Error).name),
    r(lock),
  );
}

await run(main, { clock });
