/**
 * The runtime: the one module that knows the running loop, the current
 * loop, the task whose code runs on each loop and the tasks still pending,
 * as CPython's `events.py` knows the running loop and `tasks.py` the
 * current tasks and `_all_tasks`. Futures, tasks
 * and the toolkit ask it; the loop tells it what it does. Not exported from
 * mod.ts.
 *
 * @module
 */

import { repr } from "./repr.ts";

/** A callback scheduled on a loop, as the runtime sees its handle. */
export interface ScheduledCallback {
  /** Keeps the callback from running. */
  cancel(): void;
  /** Whether the callback was cancelled. */
  cancelled(): boolean;
}

/**
 * The event loop as futures, handles and tasks see it, CPython's
 * `AbstractEventLoop`: what they return from `getLoop()` and accept as a
 * `loop` option. {@linkcode EventLoop} implements it; `getLoop()` of a
 * future made by `loop.createFuture()` is that `loop`.
 */
export interface AbstractEventLoop {
  /** The loop's clock, in seconds. */
  time(): number;
  /** Schedules `callback(...args)` to run on a later iteration. */
  callSoon<A extends unknown[]>(
    callback: (...args: A) => unknown,
    ...args: A
  ): ScheduledCallback;
  /** Schedules `callback(...args)` to run after `delay` seconds. */
  callLater<A extends unknown[]>(
    delay: number,
    callback: (...args: A) => unknown,
    ...args: A
  ): ScheduledCallback;
  /** Schedules `callback(...args)` to run at the loop's time `when`. */
  callAt<A extends unknown[]>(
    when: number,
    callback: (...args: A) => unknown,
    ...args: A
  ): ScheduledCallback;
  /**
   * Reports an error to the loop's exception handler: what went wrong, and
   * more details by name (as {@linkcode ExceptionContext} names them).
   */
  callExceptionHandler(
    context: { message: string; [key: string]: unknown },
  ): void;
  /** Whether the loop is in debug mode. */
  getDebug(): boolean;
  /** Whether the loop runs. */
  isRunning(): boolean;
  /** Whether the loop was closed. */
  isClosed(): boolean;
  /** Stops the loop after the current iteration. */
  stop(): void;
  /** @ignore The library's own: the runtime's record of this loop. */
  readonly [SLOT]: TaskSlot;
  /** @ignore The library's own: one of its timers was cancelled. */
  [TIMER_CANCELLED](timer: object): void;
}

/**
 * The key of a loop's slot: a symbol this module keeps, so that futures reach
 * it without a map look-up per `await`, and nobody outside the library does.
 */
export const SLOT: unique symbol = Symbol("asyncio-ts slot");

/** The key of the loop's method that a cancelled timer calls. */
export const TIMER_CANCELLED: unique symbol = Symbol("asyncio-ts timer");

/**
 * What a future asks of the task whose code awaits it: the keys of methods
 * of {@linkcode Task}, CPython's `__wakeup` and the bookkeeping of
 * `_fut_waiter`, and the task's weak reference, for the runtime.
 */
export const AWAITING: unique symbol = Symbol("asyncio-ts awaiting");
/** See {@linkcode AWAITING}. */
export const WOKEN: unique symbol = Symbol("asyncio-ts woken");
/** See {@linkcode AWAITING}. */
export const WAKEUP: unique symbol = Symbol("asyncio-ts wakeup");
/** See {@linkcode AWAITING}. */
export const WEAK_REF: unique symbol = Symbol("asyncio-ts weak ref");

/** A task, as futures and the runtime see it. */
export interface RuntimeTask {
  /** The task's code now awaits `future`. */
  [AWAITING](future: object): void;
  /**
   * The future the task awaited is done and its code resumes: returns the
   * `CancelledError` to throw there instead if a cancellation is pending.
   */
  [WOKEN](future: object): Error | undefined;
  /** A generator task's wakeup: `future`, which it waited on, is done. */
  [WAKEUP](future: object): void;
  /**
   * The task's one {@linkcode TaskRef}, made on first use and kept in the
   * task (not in a `WeakMap` beside it).
   */
  [WEAK_REF](): TaskRef;
  done(): boolean;
  getLoop(): AbstractEventLoop;
  toString(): string;
}

let running: AbstractEventLoop | null = null;
let current: AbstractEventLoop | null = null;
let currentSet = false;
let makeLoop: (() => AbstractEventLoop) | undefined;

/** The running loop, or `null`. */
export function runningLoop(): AbstractEventLoop | null {
  return running;
}

/** The loop starts (`loop`) or stops (`null`) running. */
export function setRunningLoop(loop: AbstractEventLoop | null): void {
  running = loop;
}

/**
 * How the first current loop is made: loop.ts sets it, so that this module
 * imports no loop (as CPython's event loop policy makes loops for
 * `events.py`).
 */
export function setLoopFactory(factory: () => AbstractEventLoop): void {
  makeLoop = factory;
}

/**
 * `getEventLoop()`: the running loop, else the current one, made on first
 * use unless `setCurrentLoop(null)` was called.
 */
export function currentLoop(): AbstractEventLoop {
  if (running !== null) return running;
  if (current === null && !currentSet) current = makeLoop!();
  if (current === null) throw new Error("There is no current event loop");
  return current;
}

/** `setEventLoop()`. */
export function setCurrentLoop(loop: AbstractEventLoop | null): void {
  currentSet = true;
  current = loop;
}

/**
 * A task's one weak reference: the registry of live tasks holds it as the
 * task's entry, with what the report of its destruction needs (one object,
 * where a record beside a `WeakRef`, and a `WeakMap` entry to find it, cost
 * three), and a loop's record of tasks away on foreign work holds it too.
 */
export class TaskRef extends WeakRef<RuntimeTask> {
  constructor(
    task: RuntimeTask,
    readonly loop: AbstractEventLoop,
    /** The name, or the `N` of `Task-N`, as the task held it. */
    public name: string | number,
  ) {
    super(task);
  }
}

// Every task not yet done, held weakly as asyncio's `_all_tasks` WeakSet:
// a pending task that nobody can reach any more is garbage, and is
// reported as asyncio's `Task.__del__` reports it.
//
// A WeakRef and a FinalizationRegistry entry cost microseconds each, more
// than the rest of a short task's life, so a new task first goes into
// `unswept`, a plain array. Tasks still pending when the loop goes idle or
// stops (or when the array has doubled) are swept into the weak registry;
// the others never pay for it. A pending task dropped meanwhile is held
// until that sweep, then collected and reported.
const liveTasks = new Set<TaskRef>();
let unswept: RuntimeTask[] = [];
let compactAt = 1024;

// Finishing takes a task's entry out of `liveTasks` rather than
// unregistering it from `forget`: an unregister token costs more memory
// than the finalization callback costs time.
const forget = new FinalizationRegistry<TaskRef>((held) => {
  // Not in `liveTasks` any more if the task finished.
  if (!liveTasks.delete(held)) return;
  const name = typeof held.name === "number" ? `Task-${held.name}` : held.name;
  held.loop.callExceptionHandler({
    message: "Task was destroyed but it is pending!",
    taskRepr: `<Task pending name=${repr(name)}>`,
  });
});

/** A new task: it is pending. */
export function trackTask(task: RuntimeTask): void {
  unswept.push(task);
  if (unswept.length >= compactAt) {
    unswept = unswept.filter((task) => !task.done());
    compactAt = Math.max(1024, 2 * unswept.length);
  }
}

/** The task whose entry this is has finished. */
export function retireTask(ref: TaskRef): void {
  liveTasks.delete(ref);
}

/** Moves the pending tasks of `unswept` into the weak registry. */
export function sweepTasks(): void {
  if (unswept.length === 0) return;
  const tasks = unswept;
  unswept = [];
  compactAt = 1024;
  for (const task of tasks) {
    if (task.done()) continue;
    const held = task[WEAK_REF]();
    liveTasks.add(held);
    forget.register(task, held);
  }
}

/** The pending tasks of `loop`, as the registry holds them. */
export function livePendingTasks(loop: AbstractEventLoop): Set<RuntimeTask> {
  sweepTasks();
  const tasks = new Set<RuntimeTask>();
  for (const ref of liveTasks) {
    const task = ref.deref();
    if (task !== undefined && !task.done() && task.getLoop() === loop) {
      tasks.add(task);
    }
  }
  return tasks;
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
  currentTask: RuntimeTask | undefined = undefined;
  /** A generator task's step runs now (its code awaits nothing by then()). */
  stepping = false;
  /** What was current when a generator task's step began. */
  savedTask: RuntimeTask | undefined = undefined;
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
  detached: Set<WeakRef<RuntimeTask>> = new Set();
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
  resumed(task: RuntimeTask | undefined): void {
    this.resuming = true;
    this.currentTask = task;
    this.activity++;
    if (task !== undefined && this.detached.size > 0) {
      this.detached.delete(task[WEAK_REF]());
    }
  }

  /** Code that the loop woke has suspended on a pending future. */
  suspended(): void {
    this.resuming = false;
    this.activity++;
    this.#onSuspend();
  }

  /** The task is done: forget it. */
  taskDone(task: RuntimeTask): void {
    if (this.detached.size > 0) this.detached.delete(task[WEAK_REF]());
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
  awaitingTask(): RuntimeTask | undefined {
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
  detach(task: RuntimeTask): void {
    this.detached.add(task[WEAK_REF]());
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
  enterStep(task: RuntimeTask): void {
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

/** The loop's slot. */
export function slotOf(loop: AbstractEventLoop): TaskSlot {
  return loop[SLOT];
}
