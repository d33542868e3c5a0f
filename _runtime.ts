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

import { carriedStore, carriesTasks, releaseContext } from "./_host_context.ts";
import { repr } from "./repr.ts";

/**
 * How many loops are in debug mode: while none is, the hottest paths
 * (every `yield*`) skip asking their loop.
 */
export const debugLoops: { count: number } = { count: 0 };

/** A loop entered (`1`) or left (`-1`) debug mode. */
export function countDebugLoop(delta: 1 | -1): void {
  debugLoops.count += delta;
}

/** The key of the method that runs an item of a loop's ready queue. */
export const RUN: unique symbol = Symbol("run");

/** What a loop's ready queue holds: a handle, or a wakeup that needs none. */
export interface Runnable {
  /** Runs the callback for the loop. */
  [RUN](): void;
  /** Whether the callback was cancelled. */
  cancelled(): boolean;
}

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

/** An await by then() whose task may be settled later (_await.ts). */
export interface Claimable {
  task: RuntimeTask | undefined;
  readonly future: object;
}

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

/** The task that the host's async context carries (see _host_context.ts). */
function carriedTask(): RuntimeTask | undefined | null {
  return carriedStore() as RuntimeTask | undefined | null;
}

/**
 * No loop runs and no task is pending: stop the host's async context,
 * which on Node.js 20 and 22 slows every promise of the process while it is
 * enabled. The next task to start enables it again.
 */
export function releaseStorage(): void {
  if (!carriesTasks() || running !== null) return;
  sweepTasks();
  if (liveTasks.size === 0) releaseContext();
}

// Tasks that follow a promise whose code was already running (asyncio has
// none such): their code carries no task.
const followers = new WeakSet<RuntimeTask>();

/**
 * Whether `task` follows a promise (`ensureFuture(promise)`): it can only
 * stop observing it, so a cancellation ends it at once.
 */
export function isFollower(task: RuntimeTask): boolean {
  return followers.has(task);
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

// contextvars.ts's: records the context a new task runs in (its `context`
// option, else a copy of its creator's; nothing while no context exists).
let onNewTask: ((task: RuntimeTask, context: unknown) => void) | undefined;

/** Sets what {@linkcode trackTask} does with contexts (contextvars.ts). */
export function setNewTaskHook(hook: typeof onNewTask): void {
  onNewTask = hook;
}

/** A new task: it is pending. `context` is its `context` option. */
export function trackTask(task: RuntimeTask, context?: unknown): void {
  if (onNewTask !== undefined) onNewTask(task, context);
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
   * Queues the wakeup of code awaiting a future, with no handle: nobody
   * can cancel it. `null` when the loop is closed, or in debug mode, whose
   * handles record where they were made: then it goes through callSoon().
   */
  queueWakeup: ((wakeup: Runnable) => void) | null = null;
  /** The loop's debug mode, read on every await (cheaper than getDebug()). */
  debug = false;
  /** `{ loop }`, frozen, set by the loop: see _future_options.ts. */
  futureOptions: Readonly<{ loop: AbstractEventLoop }> | undefined = undefined;
  /**
   * Debug mode: the first task that the running callback stepped or woke
   * (the loop clears it before each callback), for the slow-callback
   * warning, which names the task as asyncio's `_format_handle` does.
   */
  stepped: RuntimeTask | undefined = undefined;
  /**
   * During a generator task's step: awaits by then() that belong to no task
   * yet, made by async code the step called (an inline body of timeout()
   * or TaskGroup.run()). A task that follows a promise, made later in the
   * same step, takes them as its code's (see follow()).
   */
  unclaimed: Claimable[] = [];
  /**
   * Tasks whose code went off to await something foreign (a `fetch`): the
   * loop woke them and they did not suspend on one of our futures.
   */
  detached: Set<WeakRef<RuntimeTask>> = new Set();
  /**
   * On a virtual clock: how many of this loop's pending futures each task's
   * code awaits by then(), which tells a task away on foreign work from one
   * whose code combines our futures (`Promise.all` of sleeps).
   */
  awaits: WeakMap<RuntimeTask, number> | null = null;
  /** The loop's own: called when the code it waits for suspends. */
  readonly #onSuspend: () => void;
  /** The loop's own: called when a task comes back from foreign work. */
  readonly #onBack: () => void;

  constructor(onSuspend: () => void, onBack: () => void) {
    this.#onSuspend = onSuspend;
    this.#onBack = onBack;
    // Written a second time on purpose (see EventLoop's constructor): V8
    // takes a field written once for a constant, and deoptimizes the code
    // that relied on it at the first change.
    this.resuming = false;
    this.currentTask = undefined;
    this.stepping = false;
    this.drain = false;
    this.stepped = undefined;
    this.debug = false;
  }

  /**
   * A done callback is about to resolve code that awaited a future of this
   * loop: the loop lets that code run to its next suspension before it runs
   * its next ready callback.
   */
  resumed(task: RuntimeTask | undefined): void {
    this.resuming = true;
    this.currentTask = task;
    this.stepped ??= task;
    this.activity++;
    if (task !== undefined && this.detached.size > 0) this.#back(task);
  }

  /** Code that the loop woke has suspended on a pending future. */
  suspended(): void {
    this.resuming = false;
    this.activity++;
    this.#onSuspend();
  }

  /** The task is done: forget it. */
  taskDone(task: RuntimeTask): void {
    if (this.detached.size > 0) this.#back(task);
    if (this.currentTask === task) {
      this.resuming = false;
      this.#onSuspend();
    }
    this.activity++;
  }

  /**
   * The task whose code runs now: a generator task's step, else the task
   * the host's async context carries (if it is one of this loop's), else
   * what the loop last woke. Without an async context (browsers), code that
   * resumes from a foreign await belongs to no task.
   */
  current(): RuntimeTask | undefined {
    if (this.stepping) return this.currentTask;
    const carried = carriedTask();
    if (carried === null) return this.currentTask;
    if (carried !== undefined) {
      return carried.getLoop()[SLOT] === this ? carried : undefined;
    }
    // Code that carries no task: the code of a promise that a task follows,
    // if the loop just woke that; no task's otherwise (not the task the
    // loop woke: that task's code would carry it).
    const woken = this.currentTask;
    return woken !== undefined && followers.has(woken) ? woken : undefined;
  }

  /**
   * The task that a `then()` call belongs to (`undefined`: no task's).
   */
  awaitingTask(): RuntimeTask | undefined {
    // Code that a generator task's step calls and that awaits by then()
    // (an async helper) is not that task's suspension: the task suspends on
    // what it yields.
    if (this.stepping) return undefined;
    const task = this.current();
    const detached = this.detached;
    if (detached.size === 0) return task;
    if (task !== undefined) {
      this.#back(task);
      return task;
    }
    // Code that carries no task, awaiting one of our futures: with one
    // task following a promise, it is that promise's code (as in
    // `yield* ensureFuture(helper())` from a generator). Without the host's
    // async context, a task away on foreign work may be it too.
    const exact = carriedTask() !== null;
    let found: WeakRef<RuntimeTask> | undefined;
    for (const ref of detached) {
      const candidate = ref.deref();
      if (candidate === undefined) detached.delete(ref);
      else if (!exact || followers.has(candidate)) {
        if (found !== undefined) return undefined;
        found = ref;
      }
    }
    if (found === undefined) return undefined;
    detached.delete(found);
    this.#onBack();
    return found.deref();
  }

  /** The task is back from foreign work, if it was away. */
  #back(task: RuntimeTask): void {
    if (this.detached.delete(task[WEAK_REF]())) this.#onBack();
  }

  /** `task`'s code awaits one more (`1`) or one less (`-1`) future. */
  countAwait(task: RuntimeTask, change: 1 | -1): void {
    const awaits = this.awaits!;
    awaits.set(task, (awaits.get(task) ?? 0) + change);
  }

  /**
   * Whether a task of this loop waits on foreign work alone: its code went
   * off to await something foreign and awaits none of our futures. (A task
   * that follows a promise does not count: its promise may be our own work,
   * an async function awaiting sleeps; nor does code that races foreign
   * work with our futures.)
   */
  awaitsForeignWork(): boolean {
    for (const ref of this.detached) {
      const task = ref.deref();
      if (task === undefined || task.done()) this.detached.delete(ref);
      else if (!followers.has(task) && !(this.awaits!.get(task)! > 0)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a `then()` of `task`'s code (`undefined`: of no task's) comes
   * from code other than the code the loop woke and waits for, as another
   * task's code that comes back from foreign work meanwhile (known only
   * with the host's async context).
   */
  isOtherCode(task: RuntimeTask | undefined): boolean {
    return this.resuming && task !== this.currentTask;
  }

  /** The task's code runs outside the loop's view (already started). */
  detach(task: RuntimeTask): void {
    this.detached.add(task[WEAK_REF]());
  }

  /**
   * The task follows a promise: its code carries no task. Made in a
   * generator task's step (`yield* ensureFuture(timeout(1, body))`), it
   * takes the awaits that the promise's code made so far in the step, so
   * that a cancellation of the task reaches what that code awaits.
   */
  follow(task: RuntimeTask): void {
    followers.add(task);
    this.detach(task);
    const unclaimed = this.unclaimed;
    if (unclaimed.length === 0) return;
    this.unclaimed = [];
    for (const awaiter of unclaimed) {
      awaiter.task = task;
      if (this.awaits !== null) this.countAwait(task, 1);
    }
    task[AWAITING](unclaimed[unclaimed.length - 1]!.future);
  }

  /**
   * Whether the code running now was woken as `waiter`'s (a task following
   * a promise) but carries `task`: code `task` runs inline through that
   * follower (a generator task's `yield* ensureFuture(timeout(1, body))`).
   * A cancellation of `task` then goes to that code's next await, which
   * carries `task`, not to the follower, which would drop the code.
   */
  runsInline(task: RuntimeTask, waiter: object): boolean {
    return this.resuming && this.currentTask === waiter &&
      this.current() === task;
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
    if (this.unclaimed.length > 0) this.unclaimed = [];
    this.savedTask = this.currentTask;
    this.savedResuming = this.resuming;
    this.currentTask = task;
    this.stepped ??= task;
    this.resuming = false;
    this.stepping = true;
  }

  /** The generator task's step has ended. */
  leaveStep(): void {
    if (this.unclaimed.length > 0) this.unclaimed = [];
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
