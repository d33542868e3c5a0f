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
 * `loop.callExceptionHandler(context)`: {@linkcode callHandler} with the
 * loop's handler, called as `handler(loop, context)`, else its default one.
 */
export function callLoopHandler<C extends Record<string, unknown>, L>(
  loop: L & { defaultExceptionHandler(context: C): void },
  handler: ((loop: L, context: C) => void) | null,
  context: C,
): void {
  callHandler(
    handler && ((context) => handler(loop, context as C)),
    (context) => loop.defaultExceptionHandler(context as C),
    context,
  );
}

// asyncio logs "Future exception was never retrieved" from `Future.__del__`,
// which CPython's reference counting runs as soon as the future is dropped.
// A JavaScript collector may run late or never, so each loop also keeps its
// failed futures whose exception nobody read, and reports them when it
// closes: whichever comes first reports, once.
//
// Only a future that fails pays for this (an entry, a weak reference and a
// registration); reading its exception removes them.

/** A failed future whose exception nobody read yet. */
class Unread {
  /** Reported, or read: nothing is to be reported any more. */
  settled = false;
  constructor(
    readonly loop: AbstractEventLoop,
    /** Weak: a future nobody holds must stay collectable. */
    readonly future: WeakRef<object>,
    readonly message: string,
    /** A {@linkcode snapshot} of the error, for the report after collection. */
    readonly exception: unknown,
    /** The future's repr when it failed, for the same report. */
    readonly futureRepr: string,
    readonly source: Source | undefined,
  ) {}
}

/** Each loop's unread failures, in the order they failed. */
const unreadByLoop = new WeakMap<AbstractEventLoop, Set<Unread>>();
/** A failed future's entry, found again when its exception is read. */
const unreadOf = new WeakMap<object, Unread>();

/** The future is gone before its loop closed: the report asyncio's has. */
const collected = new FinalizationRegistry<Unread>((entry) => {
  if (entry.settled) return;
  settle(entry);
  entry.loop.callExceptionHandler({
    message: entry.message,
    exception: entry.exception,
    futureRepr: entry.futureRepr,
    ...(entry.source && { sourceTraceback: entry.source.stack }),
  });
});

function settle(entry: Unread): void {
  entry.settled = true;
  unreadByLoop.get(entry.loop)?.delete(entry);
}

/**
 * `future`, of `loop`, failed with `error`: until its exception is read
 * ({@linkcode markRead}), it is reported with `message` when the loop
 * closes ({@linkcode reportUnread}) or when it is collected, whichever
 * comes first. `futureRepr` and `source` are what the report after
 * collection shows of it.
 */
export function addUnread(
  future: object,
  loop: AbstractEventLoop,
  message: string,
  error: unknown,
  futureRepr: string,
  source: Source | undefined,
): void {
  const entry = new Unread(
    loop,
    new WeakRef(future),
    message,
    snapshot(error),
    futureRepr,
    source,
  );
  unreadOf.set(future, entry);
  let unread = unreadByLoop.get(loop);
  if (unread === undefined) unreadByLoop.set(loop, unread = new Set());
  unread.add(entry);
  collected.register(future, entry, future);
}

/** The exception of `future` was read: it is not reported. */
export function markRead(future: object): void {
  const entry = unreadOf.get(future);
  if (entry === undefined) return;
  unreadOf.delete(future);
  collected.unregister(future);
  settle(entry);
}

/**
 * `loop` closes: reports each of its failed futures whose exception nobody
 * read, as asyncio's `Future.__del__` does (`message`, `exception`, the
 * `future` itself, and in debug mode `sourceTraceback`), and forgets them,
 * so that neither the collector nor a later read reports them again.
 * `exceptionOf` reads a future's exception without marking it read. A
 * future already collected, whose report the collector has not made yet,
 * is reported as the collector would report it.
 */
export function reportUnread(
  loop: AbstractEventLoop,
  exceptionOf: (future: object) => unknown,
): void {
  const unread = unreadByLoop.get(loop);
  if (unread === undefined) return;
  for (const entry of [...unread]) {
    // The handler may have read a later one meanwhile.
    if (entry.settled) continue;
    settle(entry);
    const future = entry.future.deref();
    const source = entry.source && { sourceTraceback: entry.source.stack };
    if (future === undefined) {
      loop.callExceptionHandler({
        message: entry.message,
        exception: entry.exception,
        futureRepr: entry.futureRepr,
        ...source,
      });
      continue;
    }
    unreadOf.delete(future);
    collected.unregister(future);
    loop.callExceptionHandler({
      message: entry.message,
      exception: exceptionOf(future),
      future,
      ...source,
    });
  }
}
