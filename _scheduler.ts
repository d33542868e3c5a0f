/**
 * The loop's machinery: the ready queue, the timer heap, the clock, and the
 * iteration that runs them (CPython's `BaseEventLoop._run_once`), driven by
 * a trampoline. {@linkcode EventLoop} (loop.ts) is its public face: it
 * checks arguments, makes handles, futures and tasks, and handles
 * exceptions. Not exported from mod.ts.
 *
 * The loop runs in JavaScript, iteration after iteration, without going back
 * to the host between callbacks. It goes to the host only to wait: when
 * nothing is ready it waits on the host's timer for the next due timer, and
 * a `callSoon` made from outside the loop wakes it at once.
 *
 * The ordering rule: when a callback wakes code that awaits one of this
 * library's futures, the loop lets that code run to its next suspension
 * before the next ready callback, as asyncio's `Task.__step` runs a
 * coroutine to its next `await` inside one callback. The loop is a
 * trampoline (`#pump`): after such a callback it returns, and goes on when
 * the woken code gives a precise sign: its next `then()` on a pending
 * future of ours (how `await future` suspends), or its task's end. Each
 * sign continues the loop in the next microtask. Code that awaits foreign
 * work instead (a fetch, a host timer, a promise of someone else's) gives
 * no sign: the microtask queue runs dry, and one host task (setImmediate,
 * queued once per pause) continues the loop; that task's code is then away
 * until it awaits a future of ours again. A direct `fut.then(cb)` call on a
 * pending future from woken code looks like a suspension (asyncio has no
 * such case).
 *
 * @module
 */

import { VirtualClock } from "./_clock.ts";
import { Deque } from "./_deque.ts";
import { TimerHeap } from "./_heap.ts";
import { carriesTasks, outsideTasks } from "./_host_context.ts";
import {
  countDebugLoop,
  releaseStorage,
  type Runnable,
  sweepTasks,
  TaskSlot,
} from "./_runtime.ts";
import { type Handle, HEAP_SLOT, RUN, type TimerHandle } from "./handle.ts";
import { taskReprWithCoro } from "./_stack.ts";

// Timers are compacted out of the heap when more than half of at least this
// many are cancelled (CPython's _MIN_SCHEDULED_TIMER_HANDLES and
// _MIN_CANCELLED_TIMER_HANDLES_FRACTION).
const MIN_SCHEDULED_TIMER_HANDLES = 100;
// The longest host wait, in seconds (CPython's MAXIMUM_SELECT_TIMEOUT).
const MAXIMUM_SELECT_TIMEOUT = 24 * 3600;
// Microtask turns the loop gives when nothing is ready, before it waits on
// the host.
const IDLE_TURNS = 4;
// How long, in milliseconds, the loop runs callbacks before it lets the host
// run its own tasks (timers, I/O) once.
const HOST_SLICE_MS = 50;
// Why `#runIterations()` returned to `runForever()`: a callback resumed code
// that awaited a future; nothing is ready (wait for the next timer); the
// host's turn is due; the loop stops.
const RESUMED = 0;
const IDLE = 1;
const SLICE = 2;
const STOPPED = 3;
// What a paused loop waits for: nothing; resumed code to suspend; promise
// work that a generator step left behind to reach an await of ours.
const NOT_PAUSED = 0;
const RESUMING = 1;
const DRAINING = 2;
const RESOLVED = Promise.resolve();

function setSlot(timer: TimerHandle, slot: number): void {
  timer[HEAP_SLOT] = slot;
}

// A host task that runs `fn` once every microtask has run: setImmediate,
// else a MessageChannel (browsers), else setTimeout. Chosen on first use,
// not at import: in Deno, merely reading `globalThis.setImmediate` loads
// the Node-compatibility timers (~15 ms).
let hostTask: ((fn: () => void) => void) | undefined;

function afterMicrotasks(fn: () => void): void {
  (hostTask ??= chooseHostTask())(fn);
}

function yieldToHost(): Promise<void> {
  return new Promise<void>((resolve) => afterMicrotasks(resolve));
}

function chooseHostTask(): (fn: () => void) => void {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown };
  if (typeof g.setImmediate === "function") {
    const setImmediate = g.setImmediate;
    return (fn) => void setImmediate(fn);
  }
  if (typeof MessageChannel === "function") {
    return (fn) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        fn();
      };
      channel.port2.postMessage(null);
    };
  }
  return (fn) => void setTimeout(fn, 0);
}

// The resolving function of a pause's promise, handed out by one executor
// for every pause rather than a closure per pause.
let capturedPause: (() => void) | undefined;
function capturePause(resolve: () => void): void {
  capturedPause = resolve;
}

/** The key of a loop's method: its ready and timer counts (loop.ts's). */
export const QUEUE_SIZES: unique symbol = Symbol("queueSizes");

/** One loop's queue, timers, clock and iteration. */
export class Scheduler {
  #ready = new Deque<Runnable>();
  #scheduled = new TimerHeap<TimerHandle>(setSlot);
  #timerCancelledCount = 0;
  #timerSeq = 0;
  #stopping = false;
  /** The virtual clock, or `null` on the real one. */
  readonly clock: VirtualClock | null;
  /** Whose code runs on the loop, and the signs it waits for. */
  readonly slot: TaskSlot;
  /** Wakes the loop from its host wait; set only while it waits. */
  #wake: (() => void) | null = null;
  /** What the loop waits for while code it woke runs (see #pause). */
  #paused = NOT_PAUSED;
  /** Ends the promise of run(), with the error that ended it. */
  #finished: ((error: unknown) => void) | undefined;
  /** A host task is queued to tell a pause that the microtasks ran dry. */
  #hostArmed = false;
  /** Ends the open pause from the loop's own context (see #pause). */
  #resolvePause: (() => void) | undefined = undefined;
  #sliceStart = 0;
  #iterations = 0;
  /**
   * Callbacks still to run in the current iteration (CPython's `ntodo`), or
   * -1 between iterations.
   */
  #ntodo = -1;
  /** The handle whose callback resumed code, and when it started (debug). */
  #resumedHandle: Runnable | undefined;
  #t0 = -1;
  /** The virtual clock waits in real time, for foreign work. */
  #foreignWait = false;
  /** How long to wait, in seconds, when `#runIterations()` says `IDLE`. */
  #timeout = 0;
  /** The loop closed: its queue and timers were dropped. */
  #cleared = false;
  slowCallbackDuration = 0.1;

  /**
   * @param autojump `null` for the real clock; for the virtual one, the
   * real seconds the loop stays idle before it jumps (see _clock.ts).
   */
  constructor(autojump: number | null) {
    this.clock = autojump === null ? null : new VirtualClock(
      autojump,
      () => {
        if (this.#wake !== null) this.#notify();
      },
      () => this.stop(),
    );
    // Written a second time on purpose: V8 takes a field written only once
    // for a constant, and deoptimizes the code that relied on it when it
    // first changes (the first stop() or close(), when the loop's code has
    // long been optimized: the next loop would start on slow code).
    this.#stopping = false;
    this.#resumedHandle = undefined;
    this.#timerCancelledCount = 0;
    this.slot = new TaskSlot(() => {
      if (this.#paused !== NOT_PAUSED) this.#unpause();
    }, () => {
      // The virtual clock waits in real time for foreign work: a task that
      // comes back may let it jump again.
      if (this.#foreignWait && this.#wake !== null) this.#notify();
    });
    if (autojump !== null) this.slot.awaits = new WeakMap();
    this.slot.queueWakeup = this.#queueWakeup;
  }

  /** Debug mode: callbacks slower than `slowCallbackDuration` are reported. */
  get debug(): boolean {
    return this.slot.debug;
  }

  set debug(on: boolean) {
    // An open loop in debug mode counts among the loops in debug mode.
    if (!this.#cleared && on !== this.slot.debug) countDebugLoop(on ? 1 : -1);
    this.slot.debug = on;
    // Debug mode's wakeups, and a closed loop's, go through callSoon(): its
    // handles record where they were made; it refuses them.
    this.slot.queueWakeup = on || this.#cleared ? null : this.#queueWakeup;
  }

  #queueWakeup = (wakeup: Runnable): void => {
    this.#ready.push(wakeup);
    this.slot.activity++;
    if (this.#wake !== null) this.#notify();
  };

  /** Whether the clock is virtual. */
  get virtual(): boolean {
    return this.clock !== null;
  }

  /** The clock, in seconds. */
  time(): number {
    const clock = this.clock;
    return clock !== null ? clock.now : performance.now() / 1000;
  }

  /** How many handles the ready queue holds. */
  get readyCount(): number {
    return this.#ready.length;
  }

  /** How many timers the heap holds, cancelled ones included. */
  get scheduledCount(): number {
    return this.#scheduled.size;
  }

  /** Queues a ready handle. */
  push(handle: Handle): void {
    this.#ready.push(handle);
    this.slot.activity++;
    if (this.#wake !== null) this.#notify();
  }

  /** Schedules a timer at `when`. */
  pushTimer(timer: TimerHandle, when: number): void {
    setSlot(timer, this.#scheduled.push(timer, when, this.#timerSeq++));
    this.slot.activity++;
    if (this.#wake !== null) this.#notify();
  }

  /** A timer was cancelled: it leaves the heap at the next compaction. */
  timerCancelled(timer: TimerHandle): void {
    const slot = timer[HEAP_SLOT];
    if (this.#scheduled.holds(slot, timer)) {
      this.#scheduled.markDead(slot);
      this.#timerCancelledCount++;
    }
  }

  /** The current iteration is the last one. */
  stop(): void {
    this.#stopping = true;
    if (this.#wake !== null) this.#notify();
  }

  /**
   * Drops every callback and timer (the loop closes); debug mode warns
   * when there were some.
   */
  clear(loopRepr: string): void {
    if (this.debug && (this.readyCount > 0 || this.scheduledCount > 0)) {
      console.warn(
        `Closing ${loopRepr} with ${this.readyCount} pending callbacks and ${this.scheduledCount} timers`,
      );
    }
    this.#ready.clear();
    this.#scheduled.clear();
    if (!this.#cleared && this.slot.debug) countDebugLoop(-1);
    this.#cleared = true;
    this.slot.queueWakeup = null;
    this.#timerCancelledCount = 0;
  }

  /**
   * Runs iterations until {@linkcode Scheduler.stop}; `onEnd` runs right
   * before the promise settles.
   */
  run(onEnd: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#finished = (error) => {
        sweepTasks();
        this.slot.reset();
        this.#paused = NOT_PAUSED;
        this.#resolvePause = undefined;
        this.#stopping = false;
        onEnd();
        this.clock?.runEnded();
        releaseStorage();
        if (error === undefined) resolve();
        else reject(error);
      };
      outsideTasks(this.#start);
    });
  }

  #start = (): void => {
    this.#begin().then(this.#pump, this.#fail);
  };

  /**
   * Code started before the loop (awaits made while it was not running)
   * registers first, as it would have in asyncio's first iteration.
   */
  async #begin(): Promise<void> {
    let quiet = 0;
    while (quiet < IDLE_TURNS) {
      const seen = this.slot.activity;
      await undefined;
      quiet = seen === this.slot.activity ? quiet + 1 : 0;
    }
    this.#sliceStart = performance.now();
    this.#ntodo = -1;
  }

  /**
   * The loop proper, a trampoline: it runs iterations until one has to
   * wait, arranges for what it waits on to call it again, and returns.
   */
  #pump = (): void => {
    try {
      for (;;) {
        const pause = this.#runIterations();
        if (pause === RESUMED) {
          const slot = this.slot;
          if (slot.drain) {
            // A generator step left promise work behind (an async helper
            // it called, a promise it awaits through ensureFuture): let
            // that code run to its next await of one of our futures before
            // the next callback, with no task current, so that its awaits
            // are the following task's and nobody else's.
            slot.drain = false;
            return this.#pause(DRAINING);
          }
          if (slot.resuming) return this.#pause(RESUMING);
          this.#afterResumed();
        } else if (pause === IDLE) {
          this.#idle(this.#timeout).then(this.#pump, this.#fail);
          return;
        } else if (pause === SLICE) {
          yieldToHost().then(() => {
            this.#sliceStart = performance.now();
            this.#pump();
          }, this.#fail);
          return;
        } else return this.#finished!(undefined);
      }
    } catch (error) {
      this.#fail(error);
    }
  };

  #fail = (error: unknown): void => {
    this.#finished!(error);
  };

  /**
   * Waits while code that a callback woke runs, until it suspends: its
   * next `then()` on a pending future of ours, or its task ending, calls
   * {@linkcode EventLoop.#unpause}, which goes on in the microtask after.
   * When the code awaits something foreign instead (a fetch, a host
   * timer), no such sign comes: the microtask queue runs dry, and the one
   * host task queued here goes on. That host task is queued once and serves
   * whichever pause is open when it runs: it runs only after every
   * microtask, so any open pause has by then waited for all the code it
   * woke.
   */
  #pause(why: number): void {
    this.#paused = why;
    if (carriesTasks()) {
      // The sign comes from the suspending code, inside its task's async
      // context; a reaction registered here, outside every task, runs the
      // loop on in the loop's context (entering another context there would
      // cost ~0.8 us in Deno, more than the rest of a hand-off).
      new Promise<void>(capturePause).then(this.#goOn);
      this.#resolvePause = capturedPause;
      capturedPause = undefined;
    }
    if (this.#hostArmed) return;
    this.#hostArmed = true;
    afterMicrotasks(this.#hostTurn);
  }

  #hostTurn = (): void => {
    this.#hostArmed = false;
    if (this.#paused !== NOT_PAUSED) this.#goOn();
  };

  /** The code a pause waits for has suspended. */
  #unpause(): void {
    // Called from the code that suspended: the loop goes on outside its
    // task's context.
    const resolve = this.#resolvePause;
    if (resolve === undefined) return outsideTasks(this.#goOnSoon);
    this.#resolvePause = undefined;
    resolve();
  }

  #goOnSoon = (): void => {
    RESOLVED.then(this.#goOn);
  };

  #goOn = (): void => {
    const why = this.#paused;
    if (why === NOT_PAUSED) return;
    this.#paused = NOT_PAUSED;
    this.#resolvePause = undefined;
    try {
      const slot = this.slot;
      if (why === DRAINING && slot.resuming) return this.#pause(RESUMING);
      // Still no suspension: the code went off to await something foreign.
      if (why === RESUMING) slot.wentAway();
      this.#afterResumed();
    } catch (error) {
      return this.#fail(error);
    }
    this.#pump();
  };

  #afterResumed(): void {
    const handle = this.#resumedHandle!;
    const t0 = this.#t0;
    this.#resumedHandle = undefined;
    if (t0 >= 0) this.#reportSlow(handle, t0);
  }

  /**
   * Runs iterations of the loop back to back (CPython's `_run_once`), as
   * long as none needs to await: returns why it stopped.
   */
  #runIterations(): number {
    const ready = this.#ready;
    const slot = this.slot;
    const scheduled = this.#scheduled;
    let ntodo = this.#ntodo;
    this.#ntodo = -1;
    for (;;) {
      if (ntodo < 0) {
        if (this.#timerCancelledCount !== 0) this.#dropCancelledTimers();
        if (ready.length === 0 && !this.#stopping) {
          const timeout = scheduled.peekWhen() - this.time();
          if (timeout > 0) {
            this.#timeout = timeout;
            return IDLE;
          }
        }
        if (scheduled.size !== 0) this.#readyDueTimers();
        // Only the callbacks ready now run in this iteration: those that
        // they schedule run in the next one.
        ntodo = ready.length;
      }
      // This is the only place where callbacks are actually *called*. All
      // other places just add them to ready.
      while (ntodo > 0) {
        ntodo--;
        const handle = ready.shift()!;
        let t0 = -1;
        if (slot.debug) {
          if (handle.cancelled()) continue;
          slot.stepped = undefined;
          t0 = performance.now();
        }
        // A cancelled handle's run() returns at once.
        handle[RUN]();
        if (slot.resuming || slot.drain) {
          this.#ntodo = ntodo;
          this.#resumedHandle = handle;
          this.#t0 = t0;
          return RESUMED;
        }
        if (t0 >= 0) this.#reportSlow(handle, t0);
      }
      ntodo = -1;
      if (this.#stopping) return STOPPED;
      // Reading the clock costs as much as a short iteration: look at it
      // every 1024 iterations only.
      if (
        (++this.#iterations & 1023) === 0 &&
        performance.now() - this.#sliceStart > HOST_SLICE_MS
      ) return SLICE;
    }
  }

  #reportSlow(handle: Runnable, t0: number): void {
    const seconds = (performance.now() - t0) / 1000;
    if (seconds >= this.slowCallbackDuration) {
      // A task's step names the task, as asyncio's `_format_handle` does.
      const task = this.slot.stepped;
      const what = task === undefined ? String(handle) : taskReprWithCoro(task);
      console.warn(`Executing ${what} took ${seconds.toFixed(3)} seconds`);
    }
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  /** Removes cancelled timers: all of them if they dominate, else the head. */
  #dropCancelledTimers(): void {
    const scheduled = this.#scheduled;
    if (
      scheduled.size > MIN_SCHEDULED_TIMER_HANDLES &&
      this.#timerCancelledCount * 2 > scheduled.size
    ) {
      scheduled.dropDead();
      this.#timerCancelledCount = 0;
      return;
    }
    while (scheduled.peekDead()) {
      this.#timerCancelledCount--;
      scheduled.pop();
    }
  }

  /**
   * Moves the timers that are due to the ready queue. Cancelled ones leave
   * the heap without being read: at a million timers, touching each handle
   * costs a cache miss.
   */
  #readyDueTimers(): void {
    const scheduled = this.#scheduled;
    const now = this.time();
    if (scheduled.peekWhen() > now) return;
    this.#timerCancelledCount -= scheduled.popDue(now, this.#ready);
  }

  /**
   * Waits until something is ready, a timer is due, or the loop stops; on
   * the virtual clock, asks the clock (_clock.ts) whether to move or wait.
   */
  async #idle(timeout: number): Promise<void> {
    sweepTasks();
    // Let microtasks run first: code finishing its turn, or promises from
    // outside, may schedule callbacks without any host round trip.
    for (let turn = 0; turn < IDLE_TURNS; turn++) {
      await undefined;
      if (this.#ready.length > 0 || this.#stopping) return;
    }
    const clock = this.clock;
    let foreign = false;
    if (clock !== null) {
      if (clock.advancing) {
        // advance() steps once every promise has settled, however long
        // the chain: the microtask queue runs dry before a host task.
        await yieldToHost();
        if (this.#ready.length > 0 || this.#stopping) return;
      }
      if (this.#timerCancelledCount !== 0) this.#dropCancelledTimers();
      foreign = this.slot.awaitsForeignWork();
      timeout = clock.idle(this.#scheduled.peekWhen(), foreign);
      if (timeout === 0) return;
    }
    // While a task is away on foreign work, its return may let the clock
    // jump sooner: it ends the wait (see the TaskSlot in the constructor).
    this.#foreignWait = foreign;
    let ranOut: boolean;
    try {
      ranOut = await this.#hostWait(timeout);
    } finally {
      this.#foreignWait = false;
    }
    if (clock !== null && ranOut && timeout <= MAXIMUM_SELECT_TIMEOUT) {
      clock.jump(this.#scheduled.peekWhen());
    }
    this.#sliceStart = performance.now();
  }

  /**
   * Waits on the host for `timeout` seconds (`Infinity`: no limit), or
   * until something is scheduled from outside the loop or it stops;
   * `true` if the time ran out.
   */
  #hostWait(timeout: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      if (Number.isFinite(timeout)) {
        const ms = Math.ceil(Math.min(timeout, MAXIMUM_SELECT_TIMEOUT) * 1000);
        timer = setTimeout(() => {
          this.#wake = null;
          resolve(true);
        }, ms);
      }
      this.#wake = () => {
        if (timer !== undefined) clearTimeout(timer);
        resolve(false);
      };
    });
  }
}
