/**
 * Runs a test's main on a fresh virtual-clock loop and closes the loop
 * after, for the tests of locks, semaphores, barriers and queues.
 *
 * @module
 */
import { EventLoop } from "../mod.ts";

/** Runs an `async` (or plain) main on a virtual-clock loop. */
export async function main<T>(
  body: (loop: EventLoop) => T | PromiseLike<T>,
): Promise<T> {
  const loop = new EventLoop({ clock: "virtual" });
  try {
    return await loop.runUntilComplete(() => body(loop));
  } finally {
    loop.close();
  }
}

/** Runs a generator main on a virtual-clock loop. */
export async function genMain<T>(
  body: (loop: EventLoop) => Generator<unknown, T, unknown>,
): Promise<T> {
  const loop = new EventLoop({ clock: "virtual" });
  try {
    return await loop.runUntilComplete(body(loop));
  } finally {
    loop.close();
  }
}
