/**
 * What few tasks need, kept out of task.ts: the record of cancellation
 * requests and of an `AbortSignal` ({@linkcode RareParts}), and the message
 * an abort reason gives. Not exported from mod.ts.
 *
 * @module
 */

/**
 * A task's rarely used parts, made on first need: what cancellation requests
 * leave (most tasks are never cancelled) and an `AbortSignal`'s.
 */
export class RareParts {
  /** Cancel at the code's next await of one of our futures. */
  mustCancel = false;
  cancelMessage: string | undefined = undefined;
  cancelRequests = 0;
  controller: AbortController | undefined = undefined;
  unlisten: (() => void) | undefined = undefined;
}

/** The message of the cancellation that an `AbortSignal`'s reason gives. */
export function abortMessage(reason: unknown): string | undefined {
  if (reason === undefined) return undefined;
  return reason instanceof Error ? reason.message : String(reason);
}
