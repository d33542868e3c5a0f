/**
 * Random scheduling programs, a reference model of asyncio's event loop, and
 * one interpreter that runs a program on either, for the model-based test
 * (`tests/model_test.ts`) and its check against CPython
 * (`tests/integration/model_python_test.ts`, which runs the same programs
 * through `tests/reference/_model_program.py`).
 *
 * A program is data (JSON), so that a failing case can be printed, replayed
 * and run on Python. It is a list of segments; each runs some actions from
 * outside the loop, then runs the loop (`runForever`, or `runUntilComplete`
 * of a future). After the last segment the loop is drained: it runs until
 * nothing is left. Every run has a guard timer far in the future that stops
 * the loop, so a program never waits forever. Callbacks are actions too:
 * each scheduling action carries the body of the callback it schedules, so
 * the number of callbacks in a program is bounded by its size.
 *
 * The model is deliberately naive: arrays, linear scans and a sort, written
 * from asyncio's `BaseEventLoop._run_once` and `futures.Future`:
 *
 * - one iteration: if nothing is ready and the loop is not stopping, the
 *   clock jumps to the earliest live timer; the timers with `when <= now`
 *   move to the ready queue in (when, scheduling order); then the `ntodo`
 *   callbacks that are ready at that moment run, skipping cancelled ones;
 *   callbacks they schedule wait for the next iteration;
 * - `stop()` ends the run after the current iteration (before a run: after
 *   its first iteration);
 * - a callback that throws goes to the exception handler;
 * - a future schedules its done callbacks with `callSoon`, in order, when it
 *   becomes done, and at once when one is added to a done future;
 * - `runUntilComplete` is asyncio's: a done callback that stops the loop;
 * - `close()` drops what is pending and refuses everything afterwards, and
 *   throws while the loop runs.
 *
 * @module
 */

import fc from "fast-check";
import {
  CancelledError,
  EventLoop,
  type Future,
  InvalidStateError,
} from "../mod.ts";

// ---------------------------------------------------------------------------
// Programs

/** A callback: an id for the trace, and what it does when it runs. */
export interface Callback {
  id: number;
  body: Action[];
}

/** One thing a callback (or the code outside the loop) does. */
export type Action =
  | { op: "soon"; cb: Callback }
  | { op: "later"; delay: number; cb: Callback }
  | { op: "at"; when: number; cb: Callback }
  /** Cancels handle number `handle` modulo the handles made so far. */
  | { op: "cancel"; handle: number }
  | { op: "stop" }
  /** Throws `Error("boom in cbN")`, ending the callback. */
  | { op: "throw" }
  /** Creates a future (futures are numbered from 0). */
  | { op: "future" }
  /** Settles future number `future` (modulo the futures made so far). */
  | { op: "settle"; future: number; how: "result" | "exception" | "cancel" }
  /** Adds a done callback, once or twice (the same function). */
  | { op: "addDone"; future: number; cb: Callback; twice: boolean }
  /** Removes done-callback function number `fn` from future `future`. */
  | { op: "removeDone"; future: number; fn: number }
  /** Closes the loop (which throws inside a callback). */
  | { op: "close" }
  /**
   * Schedules `count` timers at `base + i / 128` (callbacks `cb<id>.<i>`,
   * which do nothing else) and cancels all but every `keep`-th: enough
   * cancelled timers to make the loop compact its heap.
   */
  | { op: "burst"; id: number; count: number; keep: number; base: number };

/** How a segment runs the loop. */
export type Run = { op: "forever" } | { op: "untilComplete"; future: number };

/** Actions from outside the loop, then a run. */
export interface Segment {
  before: Action[];
  run: Run;
}

/** A whole program: its segments, then a drain. */
export interface Program {
  segments: Segment[];
}

/** Futures that every program starts with, so settling has targets. */
export const INITIAL_FUTURES = 2;
/** How far after a run's start its guard timer stops the loop. */
export const GUARD_SECONDS = 1000;
/** Callback nesting depth: a callback's body schedules callbacks this deep. */
const MAX_DEPTH = 3;

/** Options for {@linkcode programArb}. */
export interface ProgramOptions {
  /**
   * `"coarse"` draws delays and times from a few values, so timers often
   * fall due together (ties, FIFO); `"fine"` draws multiples of 1/64, so
   * that ties are rare (for the comparison with CPython, whose heap does
   * not order equal times).
   */
  grid?: "coarse" | "fine";
}

type RawCallback = { body: RawAction[] };
type RawAction =
  | Exclude<Action, { cb: Callback } | { op: "burst" }>
  | { op: "burst"; count: number; keep: number; base: number }
  | { op: "soon"; cb: RawCallback }
  | { op: "later"; delay: number; cb: RawCallback }
  | { op: "at"; when: number; cb: RawCallback }
  | { op: "addDone"; future: number; cb: RawCallback; twice: boolean };

/**
 * The arbitrary of random programs. Every value is a multiple of a power of
 * two, so that times add up exactly, in JavaScript and in Python.
 */
export function programArb(options: ProgramOptions = {}): fc.Arbitrary<
  Program
> {
  const fine = options.grid === "fine";
  const delay = fine
    ? fc.integer({ min: -8, max: 256 }).map((k) => k / 64)
    : fc.constantFrom(-1, 0, 0, 0.5, 1, 1, 2, 3.5);
  const when = fine
    ? fc.integer({ min: 0, max: 320 }).map((k) => k / 64)
    : fc.constantFrom(0, 1, 1.5, 2, 4, 6);
  const futureRef = fc.nat(7);
  const leaf: fc.Arbitrary<RawAction> = fc.oneof(
    {
      arbitrary: fc.record({ op: fc.constant("cancel"), handle: fc.nat(40) }),
      weight: 4,
    },
    { arbitrary: fc.constant({ op: "stop" as const }), weight: 2 },
    { arbitrary: fc.constant({ op: "throw" as const }), weight: 2 },
    { arbitrary: fc.constant({ op: "future" as const }), weight: 4 },
    { arbitrary: fc.constant({ op: "close" as const }), weight: 1 },
    {
      arbitrary: fc.record({
        op: fc.constant("settle"),
        future: futureRef,
        how: fc.constantFrom("result", "exception", "cancel"),
      }),
      weight: 6,
    },
    {
      arbitrary: fc.record({
        op: fc.constant("removeDone"),
        future: futureRef,
        fn: fc.nat(20),
      }),
      weight: 2,
    },
  ) as fc.Arbitrary<RawAction>;
  const burst = fc.record({
    op: fc.constant("burst" as const),
    count: fc.integer({ min: 40, max: 160 }),
    keep: fc.integer({ min: 1, max: 5 }),
    base: delay,
  });
  // actions[d]: the actions of a body at depth d (d = 0 schedules nothing).
  const actions: fc.Arbitrary<RawAction>[] = [leaf];
  for (let depth = 1; depth <= MAX_DEPTH; depth++) {
    const cb = fc.record({
      body: fc.array(actions[depth - 1]!, { maxLength: 4 }),
    });
    actions.push(
      fc.oneof(
        { arbitrary: leaf, weight: 4 },
        { arbitrary: fc.record({ op: fc.constant("soon"), cb }), weight: 3 },
        {
          arbitrary: fc.record({ op: fc.constant("later"), delay, cb }),
          weight: 3,
        },
        {
          arbitrary: fc.record({ op: fc.constant("at"), when, cb }),
          weight: 2,
        },
        {
          arbitrary: fc.record({
            op: fc.constant("addDone"),
            future: futureRef,
            cb,
            twice: fc.boolean(),
          }),
          weight: 2,
        },
        { arbitrary: burst, weight: 1 },
      ) as fc.Arbitrary<RawAction>,
    );
  }
  const run: fc.Arbitrary<Run> = fc.oneof(
    { arbitrary: fc.constant({ op: "forever" as const }), weight: 2 },
    {
      arbitrary: fc.record({
        op: fc.constant("untilComplete"),
        future: futureRef,
      }),
      weight: 1,
    },
  ) as fc.Arbitrary<Run>;
  const segment = fc.record({
    before: fc.array(actions[MAX_DEPTH]!, { minLength: 1, maxLength: 6 }),
    run,
  });
  return fc.array(segment, { minLength: 1, maxLength: 3 }).map((segments) =>
    numberCallbacks(segments as Array<{ before: RawAction[]; run: Run }>)
  );
}

/** Gives every callback of a raw program an id, in pre-order. */
function numberCallbacks(
  segments: Array<{ before: RawAction[]; run: Run }>,
): Program {
  let next = 1;
  const callback = (raw: RawCallback): Callback => {
    const id = next++;
    return { id, body: raw.body.map(action) };
  };
  const action = (raw: RawAction): Action => {
    if ("cb" in raw) return { ...raw, cb: callback(raw.cb) } as Action;
    if (raw.op === "burst") return { ...raw, id: next++ };
    return raw;
  };
  return {
    segments: segments.map((segment) => ({
      before: segment.before.map(action),
      run: segment.run,
    })),
  };
}

// ---------------------------------------------------------------------------
// What the interpreter needs from a loop

/** A handle, as the interpreter uses it. */
export interface HandleLike {
  cancel(): void;
  cancelled(): boolean;
}

/** A future, as the interpreter uses it. */
export interface FutureLike {
  done(): boolean;
  cancelled(): boolean;
  result(): unknown;
  exception(): unknown;
  setResult(value: unknown): void;
  setException(error: unknown): void;
  cancel(): boolean;
  addDoneCallback(fn: (future: FutureLike) => void): void;
  removeDoneCallback(fn: (future: FutureLike) => void): number;
}

/** What the exception handler receives. */
export interface ContextLike {
  message: string;
  exception?: unknown;
}

/** A loop, as the interpreter uses it. */
export interface LoopLike {
  time(): number;
  callSoon(fn: () => void): HandleLike;
  callLater(delay: number, fn: () => void): HandleLike;
  callAt(when: number, fn: () => void): HandleLike;
  stop(): void;
  createFuture(): FutureLike;
  runForever(): Promise<void>;
  runUntilComplete(future: FutureLike): Promise<unknown>;
  setExceptionHandler(handler: (context: ContextLike) => void): void;
  close(): void;
  isClosed(): boolean;
}

/** The library's {@linkcode EventLoop} on a virtual clock, as a LoopLike. */
export function realLoop(): LoopLike & { loop: EventLoop } {
  const loop = new EventLoop({ clock: "virtual" });
  return {
    loop,
    time: () => loop.time(),
    callSoon: (fn) => loop.callSoon(fn),
    callLater: (delay, fn) => loop.callLater(delay, fn),
    callAt: (when, fn) => loop.callAt(when, fn),
    stop: () => loop.stop(),
    createFuture: () => loop.createFuture<unknown>() as FutureLike,
    runForever: () => loop.runForever(),
    runUntilComplete: (future) =>
      loop.runUntilComplete(future as Future<unknown>),
    setExceptionHandler: (handler) =>
      loop.setExceptionHandler((_loop, context) => handler(context)),
    close: () => loop.close(),
    isClosed: () => loop.isClosed(),
  };
}

// ---------------------------------------------------------------------------
// The reference model

class ModelHandle implements HandleLike {
  #cancelled = false;
  constructor(
    readonly fn: () => void,
    readonly when: number,
    readonly seq: number,
  ) {}
  cancel(): void {
    this.#cancelled = true;
  }
  cancelled(): boolean {
    return this.#cancelled;
  }
}

type ModelState = "pending" | "result" | "exception" | "cancelled";

class ModelFuture implements FutureLike {
  #loop: ModelLoop;
  #state: ModelState = "pending";
  #value: unknown;
  #callbacks: Array<(future: FutureLike) => void> = [];

  constructor(loop: ModelLoop) {
    this.#loop = loop;
  }
  done(): boolean {
    return this.#state !== "pending";
  }
  cancelled(): boolean {
    return this.#state === "cancelled";
  }
  result(): unknown {
    if (this.#state === "pending") {
      throw new InvalidStateError("Result is not set.");
    }
    if (this.#state === "cancelled") throw new CancelledError();
    if (this.#state === "exception") throw this.#value;
    return this.#value;
  }
  exception(): unknown {
    if (this.#state === "pending") {
      throw new InvalidStateError("Exception is not set.");
    }
    if (this.#state === "cancelled") throw new CancelledError();
    return this.#state === "exception" ? this.#value : undefined;
  }
  setResult(value: unknown): void {
    this.#settle("result", value);
  }
  setException(error: unknown): void {
    this.#settle("exception", error);
  }
  cancel(): boolean {
    if (this.done()) return false;
    this.#state = "cancelled";
    this.#schedule();
    return true;
  }
  addDoneCallback(fn: (future: FutureLike) => void): void {
    if (this.done()) this.#loop.callSoon(() => fn(this));
    else this.#callbacks.push(fn);
  }
  removeDoneCallback(fn: (future: FutureLike) => void): number {
    const before = this.#callbacks.length;
    this.#callbacks = this.#callbacks.filter((callback) => callback !== fn);
    return before - this.#callbacks.length;
  }
  #settle(state: ModelState, value: unknown): void {
    if (this.done()) throw new InvalidStateError("invalid state");
    this.#state = state;
    this.#value = value;
    this.#schedule();
  }
  #schedule(): void {
    const callbacks = this.#callbacks;
    this.#callbacks = [];
    for (const callback of callbacks) this.#loop.callSoon(() => callback(this));
  }
}

/** asyncio's event loop on a virtual clock, as plainly as it can be said. */
export class ModelLoop implements LoopLike {
  /** Set when two live timers fell due together at the same time. */
  ties = false;
  /**
   * Iterations that began with more than 100 timers, over half of them
   * cancelled: where asyncio (and the library) compact the timer heap.
   */
  compactions = 0;
  #now = 0;
  #ready: ModelHandle[] = [];
  #timers: ModelHandle[] = [];
  #seq = 0;
  #stopping = false;
  #running = false;
  #closed = false;
  #handler: (context: ContextLike) => void = () => {};

  time(): number {
    return this.#now;
  }
  callSoon(fn: () => void): HandleLike {
    this.#checkClosed();
    const handle = new ModelHandle(fn, NaN, NaN);
    this.#ready.push(handle);
    return handle;
  }
  callLater(delay: number, fn: () => void): HandleLike {
    return this.callAt(this.#now + delay, fn);
  }
  callAt(when: number, fn: () => void): HandleLike {
    this.#checkClosed();
    const handle = new ModelHandle(fn, when, this.#seq++);
    this.#timers.push(handle);
    return handle;
  }
  stop(): void {
    this.#stopping = true;
  }
  createFuture(): FutureLike {
    return new ModelFuture(this);
  }
  setExceptionHandler(handler: (context: ContextLike) => void): void {
    this.#handler = handler;
  }
  close(): void {
    if (this.#running) throw new Error("Cannot close a running event loop");
    this.#closed = true;
    this.#ready = [];
    this.#timers = [];
  }
  isClosed(): boolean {
    return this.#closed;
  }
  #checkClosed(): void {
    if (this.#closed) throw new Error("Event loop is closed");
  }

  // deno-lint-ignore require-await
  async runForever(): Promise<void> {
    this.#checkClosed();
    if (this.#running) throw new Error("This event loop is already running");
    this.#running = true;
    try {
      for (;;) this.#iteration();
    } catch (stop) {
      if (stop !== STOP) throw stop;
    } finally {
      this.#stopping = false;
      this.#running = false;
    }
  }

  async runUntilComplete(future: FutureLike): Promise<unknown> {
    this.#checkClosed();
    const stopLoop = () => this.stop();
    future.addDoneCallback(stopLoop);
    try {
      await this.runForever();
    } finally {
      future.removeDoneCallback(stopLoop);
    }
    if (!future.done()) {
      throw new Error("Event loop stopped before Future completed.");
    }
    return future.result();
  }

  #iteration(): void {
    const cancelled = this.#timers.filter((timer) => timer.cancelled());
    if (
      this.#timers.length > 100 && cancelled.length * 2 > this.#timers.length
    ) {
      this.compactions++;
    }
    if (this.#ready.length === 0 && !this.#stopping) {
      const live = this.#timers.filter((timer) => !timer.cancelled());
      if (live.length === 0) throw new Error("model: would wait forever");
      const next = Math.min(...live.map((timer) => timer.when));
      if (next > this.#now) this.#now = next;
    }
    const due = this.#timers
      .filter((timer) => timer.when <= this.#now)
      .sort((a, b) => a.when - b.when || a.seq - b.seq);
    this.#timers = this.#timers.filter((timer) => timer.when > this.#now);
    const live = due.filter((timer) => !timer.cancelled());
    if (new Set(live.map((timer) => timer.when)).size < live.length) {
      this.ties = true;
    }
    this.#ready.push(...live);
    const ntodo = this.#ready.length;
    for (let i = 0; i < ntodo; i++) {
      const handle = this.#ready.shift()!;
      if (handle.cancelled()) continue;
      try {
        handle.fn();
      } catch (exception) {
        this.#handler({ message: "Exception in callback", exception });
      }
    }
    if (this.#stopping) throw STOP;
  }
}

const STOP = Symbol("stop");

// ---------------------------------------------------------------------------
// The interpreter

/** What running a program on a loop shows. */
export interface Outcome {
  /** The callbacks run, with the loop's time, and every run's start and end. */
  trace: string[];
  /** Per handle made by a scheduling action: how many times it ran. */
  runs: number[];
  /** Per handle: whether it was cancelled (before or after it ran). */
  cancelled: boolean[];
  /** The handles that were pending when a `close` action dropped them. */
  dropped: Set<number>;
}

/** Describes an exception the same way in JavaScript and in Python. */
function describeError(error: unknown): string {
  if (error instanceof CancelledError) return "CancelledError";
  if (error instanceof InvalidStateError) {
    return `InvalidStateError(${error.message})`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Runs `program` on `loop`, then closes the loop. */
export async function execute(
  program: Program,
  loop: LoopLike,
): Promise<Outcome> {
  const trace: string[] = [];
  const handles: HandleLike[] = [];
  const runs: number[] = [];
  const dropped = new Set<number>();
  const futures: FutureLike[] = [];
  const doneFns: Array<(future: FutureLike) => void> = [];
  const at = () => `t=${loop.time()}`;

  loop.setExceptionHandler((context) => {
    // As _model_program.py: asyncio reports a failed future nobody read when
    // it is collected, which is not part of the program's trace (this
    // library reports it when the loop closes, at the latest).
    if (context.message === "Future exception was never retrieved") return;
    const kind = context.message.startsWith("Exception in callback")
      ? "callback"
      : context.message;
    trace.push(`${at()} handler(${kind}) ${describeError(context.exception)}`);
  });

  const describeFuture = (future: FutureLike): string => {
    const state = future.cancelled()
      ? "cancelled"
      : future.exception() !== undefined
      ? "exception"
      : `result ${future.result()}`;
    return `fut${futures.indexOf(future)} ${state}`;
  };

  const schedule = (
    make: (fn: () => void) => HandleLike,
    cb: Callback,
    label = "",
  ) => {
    const index = handles.length;
    const handle = make(() => {
      runs[index]!++;
      call(cb, label);
    });
    runs.push(0);
    handles.push(handle);
  };

  const perform = (action: Action, where: string): void => {
    switch (action.op) {
      case "soon":
        schedule((fn) => loop.callSoon(fn), action.cb);
        break;
      case "later":
        schedule((fn) => loop.callLater(action.delay, fn), action.cb);
        break;
      case "at":
        schedule((fn) => loop.callAt(action.when, fn), action.cb);
        break;
      case "cancel":
        if (handles.length > 0) {
          handles[action.handle % handles.length]!.cancel();
        }
        break;
      case "stop":
        loop.stop();
        break;
      case "throw":
        throw new Error(`boom in ${where}`);
      case "future":
        futures.push(loop.createFuture());
        break;
      case "settle": {
        const index = action.future % futures.length;
        const future = futures[index]!;
        if (action.how === "result") future.setResult(index);
        else if (action.how === "exception") {
          future.setException(new Error(`fail ${index}`));
        } else trace.push(`${at()} cancel fut${index}: ${future.cancel()}`);
        break;
      }
      case "addDone": {
        const { cb } = action;
        const fn = (future: FutureLike) => call(cb, "", future);
        doneFns.push(fn);
        const future = futures[action.future % futures.length]!;
        future.addDoneCallback(fn);
        if (action.twice) future.addDoneCallback(fn);
        break;
      }
      case "close":
        loop.close();
        // What was pending is dropped, as asyncio's close() drops it.
        runs.forEach((count, i) => {
          if (count === 0 && !handles[i]!.cancelled()) dropped.add(i);
        });
        break;
      case "burst": {
        const first = handles.length;
        const cb = { id: action.id, body: [] };
        for (let i = 0; i < action.count; i++) {
          schedule(
            (fn) => loop.callLater(action.base + i / 128, fn),
            cb,
            `.${i}`,
          );
        }
        for (let i = 0; i < action.count; i++) {
          if (i % action.keep !== 0) handles[first + i]!.cancel();
        }
        break;
      }
      case "removeDone": {
        if (doneFns.length === 0) break;
        const index = action.future % futures.length;
        const removed = futures[index]!.removeDoneCallback(
          doneFns[action.fn % doneFns.length]!,
        );
        trace.push(`${at()} removed ${removed} from fut${index}`);
        break;
      }
    }
  };

  const call = (cb: Callback, label: string, future?: FutureLike): void => {
    trace.push(
      `${at()} cb${cb.id}${label}${
        future ? ` (${describeFuture(future)})` : ""
      }`,
    );
    for (const action of cb.body) perform(action, `cb${cb.id}`);
  };

  let guardFired = false;
  const run = async (how: Run): Promise<void> => {
    guardFired = false;
    let guard: HandleLike | undefined;
    try {
      guard = loop.callAt(loop.time() + GUARD_SECONDS, () => {
        guardFired = true;
        trace.push(`${at()} guard`);
        loop.stop();
      });
    } catch (error) {
      trace.push(`${at()} guard raised ${describeError(error)}`);
    }
    if (how.op === "forever") {
      trace.push(`${at()} runForever`);
      try {
        await loop.runForever();
        trace.push(`${at()} stopped`);
      } catch (error) {
        trace.push(`${at()} raised ${describeError(error)}`);
      }
    } else {
      const index = how.future % futures.length;
      trace.push(`${at()} runUntilComplete fut${index}`);
      try {
        const value = await loop.runUntilComplete(futures[index]!);
        trace.push(`${at()} returned ${value}`);
      } catch (error) {
        trace.push(`${at()} raised ${describeError(error)}`);
      }
    }
    guard?.cancel();
  };

  for (let i = 0; i < INITIAL_FUTURES; i++) futures.push(loop.createFuture());
  for (const segment of program.segments) {
    for (const action of segment.before) {
      try {
        perform(action, "outside");
      } catch (error) {
        trace.push(`${at()} outside raised ${describeError(error)}`);
      }
    }
    await run(segment.run);
  }
  // Drain: run until the guard fires, which only happens once nothing else
  // is left (every timer a program makes is due long before the guard).
  trace.push(`${at()} drain`);
  do await run({ op: "forever" }); while (!guardFired && !loop.isClosed());
  loop.close();
  return {
    trace,
    runs,
    cancelled: handles.map((handle) => handle.cancelled()),
    dropped,
  };
}

/**
 * The handles that did not run exactly once although they were neither
 * cancelled before running nor dropped by a close, or that ran more than
 * once: always empty after a drain.
 */
export function lostOrTwice(outcome: Outcome): string[] {
  const bad: string[] = [];
  outcome.runs.forEach((runs, index) => {
    const cancelled = outcome.cancelled[index]!;
    if (runs > 1 || (runs === 0 && !cancelled && !outcome.dropped.has(index))) {
      bad.push(`handle ${index}: ran ${runs} times, cancelled=${cancelled}`);
    }
  });
  return bad;
}
