/**
 * The current and the running loop, as asyncio's `get_event_loop()`,
 * `set_event_loop()`, `new_event_loop()` and `get_running_loop()`.
 *
 * @module
 */

import { EventLoop, type EventLoopOptions } from "./loop.ts";
import {
  type AbstractEventLoop,
  currentLoop,
  runningLoop,
  setCurrentLoop,
} from "./_runtime.ts";
import { argumentError, checkClockOption } from "./_validate.ts";

/**
 * Returns the running loop if there is one; otherwise the current loop,
 * created on first use.
 *
 * @returns The loop.
 * @throws {Error} If {@linkcode setEventLoop} set no loop (`null`).
 *
 * @example Usage
 * ```ts
 * import { getEventLoop } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(getEventLoop(), getEventLoop());
 * ```
 */
export function getEventLoop(): EventLoop {
  return asEventLoop(currentLoop());
}

/**
 * Sets the current loop, which {@linkcode getEventLoop} returns when no loop
 * is running. After `setEventLoop(null)`, `getEventLoop()` throws.
 *
 * @param loop The loop, or `null` for none.
 * @throws {TypeError} If `loop` is neither an event loop nor `null`.
 */
export function setEventLoop(loop: AbstractEventLoop | null): void {
  if (loop !== null && !(loop instanceof EventLoop)) {
    throw argumentError("setEventLoop", "loop", "an EventLoop or null", loop);
  }
  setCurrentLoop(loop);
}

/**
 * Creates a new event loop, as `new EventLoop(options)` does.
 *
 * @param options The clock to run on.
 * @returns The loop.
 * @throws {TypeError} If `options` is not an object, or `options.clock` is
 * not `"real"` or `"virtual"`.
 */
export function newEventLoop(options: EventLoopOptions = {}): EventLoop {
  checkClockOption("newEventLoop", options);
  return new EventLoop(options);
}

/**
 * Returns the running loop.
 *
 * @returns The loop whose `runForever` or `runUntilComplete` is underway.
 * @throws {Error} If no loop is running.
 */
export function getRunningLoop(): EventLoop {
  const loop = runningLoop();
  if (loop === null) throw new Error("no running event loop");
  return asEventLoop(loop);
}

// The runtime holds loops as futures see them (AbstractEventLoop); each one
// it holds is an EventLoop, the only loops that setEventLoop(), the loop
// factory and runForever() give it.
function asEventLoop(loop: AbstractEventLoop): EventLoop {
  return loop as EventLoop;
}
