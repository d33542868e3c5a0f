/**
 * How the loop reports what went wrong: the text of an exception context,
 * the last resort when even logging fails, and the report of an exception
 * nobody retrieved. Not exported from mod.ts.
 *
 * @module
 */

import type { Source } from "./_debug.ts";
import type { AbstractEventLoop } from "./_runtime.ts";
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

/** What a never-retrieved exception report needs, without the future. */
export interface Unretrieved {
  loop: AbstractEventLoop;
  message: string;
  exception: unknown;
  future: string;
  source: Source | undefined;
}

/**
 * A copy of an error to report once its future is gone. The error itself
 * cannot be held: its captured stack frames (in Deno, the call sites kept
 * for source maps) hold their receivers, this future or its task among
 * them, which would then never be collected.
 */
export function snapshot(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const copy = new Error(error.message);
  copy.name = error.name;
  if (error.stack !== undefined) copy.stack = error.stack;
  return copy;
}

/**
 * asyncio's `call_exception_handler`: `handler(context)`, or `fallback`
 * (the default handler) when there is none. What the handler throws goes to
 * the fallback, and what the fallback throws to the last resort: it never
 * throws.
 */
export function callHandler(
  handler: ((context: Record<string, unknown>) => void) | null,
  fallback: (context: Record<string, unknown>) => void,
  context: Record<string, unknown>,
): void {
  if (handler === null) {
    try {
      fallback(context);
    } catch (error) {
      logLastResort("Exception in default exception handler", error);
    }
    return;
  }
  try {
    handler(context);
  } catch (exception) {
    try {
      fallback({
        message: "Unhandled error in exception handler",
        exception,
        context,
      });
    } catch (error) {
      logLastResort(
        "Exception in default exception handler while handling an unexpected error in custom exception handler",
        error,
      );
    }
  }
}

/**
 * asyncio logs "Future exception was never retrieved" from `__del__`; here
 * a future that failed registers until its exception is read.
 */
export const unretrieved = new FinalizationRegistry<Unretrieved>((held) => {
  held.loop.callExceptionHandler({
    message: held.message,
    exception: held.exception,
    futureRepr: held.future,
    ...(held.source && { sourceTraceback: held.source.stack }),
  });
});
