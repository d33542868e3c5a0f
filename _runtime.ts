/**
 * The runtime: the one module that knows the running loop, the current
 * loop, and the task whose code runs on each loop, as CPython's `events.py`
 * knows the running loop and `tasks.py` the current tasks. Futures, tasks
 * and the toolkit ask it; the loop tells it what it does. Not exported from
 * mod.ts.
 *
 * @module
 */

import type { EventLoop } from "./loop.ts";
import type { Task } from "./task.ts";

let running: EventLoop | null = null;
let current: EventLoop | null = null;
let currentSet = false;
let makeLoop: (() => EventLoop) | undefined;

/** The running loop, or `null`. */
export function runningLoop(): EventLoop | null {
  return running;
}

/** The loop starts (`loop`) or stops (`null`) running. */
export function setRunningLoop(loop: EventLoop | null): void {
  running = loop;
}

/**
 * How the first current loop is made: loop.ts sets it, so that this module
 * imports no loop (as CPython's event loop policy makes loops for
 * `events.py`).
 */
export function setLoopFactory(factory: () => EventLoop): void {
  makeLoop = factory;
}

/**
 * `getEventLoop()`: the running loop, else the current one, made on first
 * use unless `setCurrentLoop(null)` was called.
 */
export function currentLoop(): EventLoop {
  if (running !== null) return running;
  if (current === null && !currentSet) current = makeLoop!();
  if (current === null) throw new Error("There is no current event loop");
  return current;
}

/** `setEventLoop()`. */
export function setCurrentLoop(loop: EventLoop | null): void {
  currentSet = true;
  current = loop;
}

// A task's weak reference, made once: the registry of live tasks and the
// loop's record of tasks away on foreign work hold tasks weakly.
const refs = new WeakMap<Task<unknown>, WeakRef<Task<unknown>>>();

/** The task's one weak reference. */
export function refOf(task: Task<unknown>): WeakRef<Task<unknown>> {
  let ref = refs.get(task);
  if (ref === undefined) refs.set(task, ref = new WeakRef(task));
  return ref;
}

/**
 * One loop's record of whose code runs: the current task, and the signs the
 * loop's ordering rule waits for (loop.ts: code it woke has suspended, or
 * its task has ended). Futures and tasks report here; the loop reads it.
 */
export class TaskSlot {
  /** Code the loop woke has not suspended yet. */
  resuming = false;
  /** The task whose code runs now, if any. */
  currentTask: Task<unknown> | undefined = undefined;
  /** A generator task's step runs now (its code awaits nothing by then()). */
  stepping = false;
  /** What was current when a generator task's step began. */
  savedTask: Task<unknown> | undefined = undefined;
  savedResuming = false;
  /**
   * A generator step ran while promise work is outstanding (a task follows
   * a promise, as `yield* ensureFuture(promise)` makes one): its code runs
   * in microtasks, which get their turns before the next callback.
   */
  drain = false;
  /** Bumped by everything the futures and the loop see happen. */
  activity = 0;
  /**
   * Tasks whose code went off to await something foreign (a `fetch`): the
   * loop woke them and they did not suspend on one of our futures.
   */
  detached: Set<WeakRef<Task<unknown>>> = new Set();
  /** The loop's own: called when the code it waits for suspends. */
  readonly #onSuspend: () => void;

  constructor(onSuspend: () => void) {
    this.#onSuspend = onSuspend;
    // Written a second time on purpose (see EventLoop's constructor): V8
    // takes a field written once for a constant, and deoptimizes the code
    // that relied on it at the first change.
    this.resuming = false;
    this.currentTask = undefined;
    this.stepping = false;
    this.drain = false;
  }

  /**
   * A done callback is about to resolve code that awaited a future of this
   * loop: the loop lets that code run to its next suspension before it runs
   * its next ready callback.
   */
  resumed(task: Task<unknown> | undefined): void {
    this.resuming = true;
    this.currentTask = task;
    this.activity++;
    if (task !== undefined && this.detached.size > 0) {
      this.detached.delete(refOf(task));
    }
  }

  /** Code that the loop woke has suspended on a pending future. */
  suspended(): void {
    this.resuming = false;
    this.activity++;
    this.#onSuspend();
  }

  /** The task is done: forget it. */
  taskDone(task: Task<unknown>): void {
    if (this.detached.size > 0) this.detached.delete(refOf(task));
    if (this.currentTask === task) {
      this.resuming = false;
      this.#onSuspend();
    }
    this.activity++;
  }

  /**
   * The task that a `then()` call belongs to: the current task, or else the
   * one task whose code last went off to await something foreign.
   */
  awaitingTask(): Task<unknown> | undefined {
    // Code that a generator task's step calls and that awaits by then()
    // (an async helper) is not that task's suspension: the task suspends on
    // what it yields.
    if (this.stepping) return undefined;
    if (this.currentTask !== undefined) return this.currentTask;
    const detached = this.detached;
    if (detached.size === 0) return undefined;
    for (const ref of detached) {
      if (ref.deref() === undefined) detached.delete(ref);
    }
    if (detached.size !== 1) return undefined;
    // Code resumed from outside the loop (a foreign promise settled) is
    // awaiting one of our futures: with one task away, it is that task's.
    const [ref] = detached;
    detached.clear();
    return ref!.deref();
  }

  /** The task's code runs outside the loop's view (already started). */
  detach(task: Task<unknown>): void {
    this.detached.add(refOf(task));
  }

  /**
   * The woken code went off to await something foreign: its task, if any,
   * is away until it awaits one of our futures again.
   */
  wentAway(): void {
    if (this.resuming && this.currentTask !== undefined) {
      this.detach(this.currentTask);
    }
    this.resuming = false;
    this.currentTask = undefined;
  }

  /**
   * A generator task's step begins: `task` is the current task until
   * {@linkcode TaskSlot.leaveStep}, which restores what was current.
   */
  enterStep(task: Task<unknown>): void {
    this.savedTask = this.currentTask;
    this.savedResuming = this.resuming;
    this.currentTask = task;
    this.resuming = false;
    this.stepping = true;
  }

  /** The generator task's step has ended. */
  leaveStep(): void {
    this.currentTask = this.savedTask;
    this.resuming = this.savedResuming;
    this.savedTask = undefined;
    this.stepping = false;
    this.activity++;
    if (this.detached.size > 0) this.drain = true;
  }

  /**
   * What `resumed` announced did not happen: the task's function returned
   * a generator, whose steps run as generator steps.
   */
  notResumed(): void {
    this.currentTask = undefined;
    this.resuming = false;
  }

  /** The loop stopped: nothing of its runs now. */
  reset(): void {
    this.drain = false;
    this.resuming = false;
    this.currentTask = undefined;
  }
}

/**
 * The key of a loop's slot: a symbol this module keeps, so that futures reach
 * it without a map look-up per `await`, and nobody outside the library does.
 */
export const SLOT: unique symbol = Symbol("asyncio-ts slot");

/** The loop's slot. */
export function slotOf(loop: EventLoop): TaskSlot {
  return loop[SLOT];
}
