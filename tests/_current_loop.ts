/**
 * For tests of run() and Runner, which leave no current loop behind, as
 * asyncio's: runs `fn`, then puts back the current loop there was before.
 *
 * @module
 */
import { type EventLoop, getEventLoop, setEventLoop } from "../mod.ts";

/** Runs `fn` and puts back the current loop there was before. */
export async function keepingCurrentLoop(
  fn: () => Promise<void>,
): Promise<void> {
  let before: EventLoop | null;
  try {
    before = getEventLoop();
  } catch {
    before = null;
  }
  try {
    await fn();
  } finally {
    setEventLoop(before);
  }
}
