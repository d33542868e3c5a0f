// Tasks of both kinds in one program (on the TypeScript side, `async`
// functions and generators): each kind awaits tasks of the other, gets
// their results and exceptions one iteration after they finish, and a
// cancellation goes down a chain that alternates between the kinds, to the
// innermost task, and back up. The ticker shows that the steps interleave
// as asyncio's.
import {
  CancelledError,
  createTask,
  type EventLoop,
  getRunningLoop,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

function tick(loop: EventLoop, n: number): void {
  print(`-- tick ${n}`);
  if (n < 24) {
    loop.callSoon(tick, loop, n + 1);
  }
}

async function aChild(
  name: string,
  steps: number,
  fail = false,
): Promise<string> {
  for (let i = 0; i < steps; i++) {
    await sleep(0);
    print(`${name}: step ${i}`);
  }
  if (fail) {
    throw new ValueError(`${name} failed`);
  }
  return name;
}

function* gChild(
  name: string,
  steps: number,
  fail = false,
): Generator<unknown, string> {
  for (let i = 0; i < steps; i++) {
    yield;
    print(`${name}: step ${i}`);
  }
  if (fail) {
    throw new ValueError(`${name} failed`);
  }
  return name;
}

function* gAwaitsA(): Generator<unknown, string> {
  const t = createTask(() => aChild("a1", 2));
  print("g_awaits_a: got", yield* t);
  try {
    yield* createTask(() => aChild("a2", 1, true));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("g_awaits_a: caught", pyRepr(e));
  }
  return "g done";
}

async function aAwaitsG(): Promise<string> {
  const t = createTask(gChild("g1", 3));
  print("a_awaits_g: got", await t);
  try {
    await createTask(gChild("g2", 1, true));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("a_awaits_g: caught", pyRepr(e));
  }
  return "a done";
}

async function aLevel(depth: number): Promise<unknown> {
  const name = `level ${depth} (a)`;
  try {
    if (depth === 0) {
      await sleep(10);
    }
    return await createTask(gLevel(depth - 1));
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled`);
    throw e;
  }
}

function* gLevel(depth: number): Generator<unknown, unknown> {
  const name = `level ${depth} (g)`;
  try {
    if (depth === 0) {
      yield* sleep(10);
    }
    return yield* createTask(() => aLevel(depth - 1));
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled`);
    throw e;
  }
}

async function main(): Promise<void> {
  const loop = getRunningLoop();
  loop.callSoon(tick, loop, 0);
  const x = createTask(gAwaitsA);
  const y = createTask(aAwaitsG);
  print("main: got", await x, await y);
  const top = createTask(gLevel(5));
  for (let i = 0; i < 7; i++) {
    await sleep(0);
  }
  print("main: cancels the top of the chain");
  top.cancel();
  try {
    await top;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: the chain is cancelled:", top.cancelled());
  }
}

await run(main, { clock });
