/**
 * The loop for the TypeScript side of a differential pair. The harness runs
 * every program twice, with `ASYNCIO_TS_CLOCK=real` and with
 * `ASYNCIO_TS_CLOCK=virtual`, and both runs must print what Python prints.
 *
 * - {@linkcode newLoop} is `asyncio.new_event_loop()`.
 * - {@linkcode currentLoop} is `asyncio.get_event_loop()` in a fresh
 *   process: a new loop, made the current one, so that `new Future()` binds
 *   to it as `asyncio.Future()` does.
 *
 * @module
 */

import { EventLoop, setEventLoop } from "../../mod.ts";

/** The clock the harness asked for: `"real"` (the default) or `"virtual"`. */
// Any other value makes `new EventLoop()` throw, which fails the pair loudly.
export const clock = (Deno.env.get("ASYNCIO_TS_CLOCK") ?? "real") as
  | "real"
  | "virtual";

/**
 * A new loop on the harness's clock, as `asyncio.new_event_loop()`.
 *
 * @returns The loop; it is not made the current loop.
 */
export function newLoop(): EventLoop {
  return new EventLoop({ clock });
}

/**
 * A new loop on the harness's clock, made the current loop, as
 * `asyncio.get_event_loop()` is at the top of a script.
 *
 * @returns The loop.
 */
export function currentLoop(): EventLoop {
  const loop = newLoop();
  setEventLoop(loop);
  return loop;
}
