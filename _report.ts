/**
 * How the loop reports what went wrong: the text of an exception context,
 * and the last resort when even logging fails. Not exported from mod.ts.
 *
 * @module
 */

import { repr } from "./repr.ts";

/**
 * The default exception handler's text for a context (an object with a
 * `message`, an `exception` and other keys), as asyncio's
 * `default_exception_handler` logs it: the message, the other keys sorted,
 * then the exception's stack.
 */
export function formatContext(context: Record<string, unknown>): string {
  const lines = [context?.message || "Unhandled exception in event loop"];
  for (const key of Object.keys(context ?? {}).sort()) {
    if (key === "message" || key === "exception") continue;
    if (key === "sourceTraceback") {
      lines.push(
        `Object created at (most recent call first):\n${context[key]}`,
      );
    } else lines.push(`${key}: ${repr(context[key])}`);
  }
  const exception = context?.exception;
  if (exception !== undefined) {
    const stack = exception instanceof Error && exception.stack
      ? exception.stack
      : repr(exception);
    lines.push(stack);
  }
  return lines.join("\n");
}

/**
 * Logs with `console.error` and never throws: when even that fails there is
 * nowhere left to report to (asyncio's `logging` swallows its own errors).
 */
export function logLastResort(message: string, error: unknown): void {
  try {
    console.error(message, error);
  } catch {
    // Nothing left to do.
  }
}
