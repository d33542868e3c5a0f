/**
 * The virtual clock of a loop made with `clock: "virtual"`, under the
 * test's control, as Trio's `MockClock`: `autojump` says when it jumps to
 * the next timer by itself, and {@linkcode advance} (`loop.advance()`)
 * moves it when told. The scheduler (_scheduler.ts) asks it what to do
 * each time the loop is idle (nothing ready, the microtasks run). Not
 * exported from mod.ts.
 *
 * - An `advance()` is pending: the clock steps to the next timer if that
 *   falls due by the earliest pending target, else to that target, where
 *   the `advance()` calls that reach it resolve. Before each step the
 *   microtask queue runs dry (a host task), so that the promises the last
 *   step set off have settled. Foreign work does not hold it: the test
 *   said how far to go.
 * - Otherwise it jumps to the next timer after `threshold` real seconds
 *   (`autojump: true` is 0, at once; `false` is never); while a task is
 *   away on foreign work (a fetch, a host timer), not before as much real
 *   time has passed as the jump covers, so that virtual time does not race
 *   past real work (tests/virtual_foreign_test.ts).
 *
 * Unlike Trio's `jump()`, which only moves the clock for a run loop that is
 * always running, `advance()` runs the loop itself when nobody does (not
 * started yet, or its run ended before the target), as the `tickAsync()`
 * of @sinonjs/fake-timers runs the timers it passes: callbacks still run at
 * their own times, and the loop is stopped again once every pending
 * `advance()` is done, so that the test can run it next. It returns a
 * promise: a task awaiting it is away on foreign work meanwhile, which the
 * steps ignore (generator tasks: `yield* ensureFuture(loop.advance(1))`).
 *
 * @module
 */

import { argumentError, describe } from "./_validate.ts";

/**
 * A pending `advance()`: settled `true` at its target, or `false` when the
 * loop's run ends first.
 */
interface Waiter {
  readonly target: number;
  readonly settle: (reached: boolean) => void;
}

/** One loop's virtual clock. */
export class VirtualClock {
  /** The time, in seconds. */
  now = 0;
  /** The loop runs for an `advance()`: it stops once none is pending. */
  driving = false;
  /** The pending `advance()` calls, earliest target first. */
  #waiters: Waiter[] = [];

  /**
   * @param threshold Real seconds the loop stays idle before the clock
   * jumps: 0 at once, `Infinity` never.
   * @param wake Ends the scheduler's host wait, if it waits.
   * @param stop Stops the loop at the end of its current iteration.
   */
  constructor(
    readonly threshold: number,
    readonly wake: () => void,
    readonly stop: () => void,
  ) {}

  /** Whether an `advance()` is pending. */
  get advancing(): boolean {
    return this.#waiters.length !== 0;
  }

  /**
   * The loop is idle: moves the clock, or says how long to wait first.
   *
   * @param next The earliest timer's time (`Infinity`: none).
   * @param foreign Whether a task is away on foreign work.
   * @returns 0 when the clock moved (or `advance()` calls resolved): the
   * loop looks again at once; else the real seconds to wait (`Infinity`:
   * until woken), after which {@linkcode VirtualClock.jump} jumps.
   */
  idle(next: number, foreign: boolean): number {
    const first = this.#waiters[0];
    if (first !== undefined) {
      if (next <= first.target) this.jump(next);
      else this.#reach(first.target);
      return 0;
    }
    if (next === Infinity) return Infinity;
    const wait = foreign
      ? Math.max(this.threshold, next - this.now)
      : this.threshold;
    if (wait === 0) this.jump(next);
    return wait;
  }

  /** Moves the clock to `when`, if later. */
  jump(when: number): void {
    if (when > this.now) this.now = when;
  }

  /** The loop's run ended: the pending `advance()` calls go on without it. */
  runEnded(): void {
    this.driving = false;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) waiter.settle(false);
  }

  /**
   * A promise that resolves `true` when the loop is idle at `target`, or
   * `false` when its run ends first.
   */
  until(target: number): { waiter: Waiter; reached: Promise<boolean> } {
    let settle!: (reached: boolean) => void;
    const reached = new Promise<boolean>((resolve) => settle = resolve);
    const waiter = { target, settle };
    const waiters = this.#waiters;
    let at = waiters.length;
    while (at > 0 && waiters[at - 1]!.target > target) at--;
    waiters.splice(at, 0, waiter);
    this.wake();
    return { waiter, reached };
  }

  /** Drops a waiter whose run could not start. */
  forget(waiter: Waiter): void {
    const at = this.#waiters.indexOf(waiter);
    if (at >= 0) this.#waiters.splice(at, 1);
  }

  /** The clock reads `target`: the `advance()` calls up to it resolve. */
  #reach(target: number): void {
    this.jump(target);
    const waiters = this.#waiters;
    let count = 0;
    while (count < waiters.length && waiters[count]!.target <= this.now) {
      count++;
    }
    for (const waiter of waiters.splice(0, count)) waiter.settle(true);
    if (this.driving && waiters.length === 0) this.stop();
  }
}

/** What {@linkcode advance} needs of the loop. */
export interface AdvancedLoop {
  isRunning(): boolean;
  isClosed(): boolean;
  runForever(): Promise<void>;
}

/**
 * `loop.advance(seconds)`: moves `clock` forward by `seconds`, running what
 * falls due on the way; runs the loop itself when it is not running.
 */
export async function advance(
  loop: AdvancedLoop,
  clock: VirtualClock | null,
  seconds: number,
): Promise<void> {
  if (clock === null) {
    throw new TypeError(
      'advance() needs a loop with a virtual clock, such as new EventLoop({ clock: "virtual", autojump: false }); this loop runs on the real clock',
    );
  }
  if (typeof seconds !== "number") {
    throw argumentError("advance", "seconds", "a number of seconds", seconds);
  }
  if (!(seconds >= 0 && seconds < Infinity)) {
    throw new RangeError(
      `advance() expected \`seconds\` to be a finite number of seconds >= 0, got ${
        describe(seconds)
      }`,
    );
  }
  if (loop.isClosed()) throw new Error("Event loop is closed");
  const target = clock.now + seconds;
  for (;;) {
    const { waiter, reached } = clock.until(target);
    if (!loop.isRunning()) {
      // Nobody runs the loop (or its run ended before the target): run it
      // until every pending advance() is done.
      clock.driving = true;
      try {
        await loop.runForever();
      } catch (error) {
        clock.forget(waiter);
        clock.driving = false;
        throw error;
      }
    }
    if (await reached) return;
  }
}
