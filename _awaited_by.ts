/**
 * The awaited-by relations that no `await` shows, CPython's
 * `future_add_to_awaited_by` and `_asyncio_awaited_by`, for the call graph
 * (graph.ts). Code awaiting a future is found on the future itself, among
 * its waiters; so is a task that waits through a done callback: `gather()`
 * marks its children's callback as the wait of the task that called it,
 * `shield()` its inner future's, a `TaskGroup` its tasks' as the wait of
 * the task that runs it. One mark per callback, and none to undo: the mark
 * goes with the callback when the future is done. What user code records
 * with `futureAddToAwaitedBy()` is kept here by future. Not exported from
 * mod.ts.
 *
 * @module
 */

// The waiter each marked done callback stands for.
const callbackWaiters = new WeakMap<object, object>();

/**
 * `callback`, a done callback, is `waiter`'s wait on each future it is
 * added to.
 */
export function markWaitingCallback(callback: object, waiter: object): void {
  callbackWaiters.set(callback, waiter);
}

/** The waiter `callback` stands for, if it was marked. */
export function waiterOfCallback(callback: object): object | undefined {
  return callbackWaiters.get(callback);
}

// One waiter (the common case) or several, by future; weak, so that the
// record never keeps a future alive.
const awaitedBy = new WeakMap<object, object | Set<object>>();

/** Records that `future` is awaited by `waiter`. */
export function addAwaitedBy(future: object, waiter: object): void {
  const recorded = awaitedBy.get(future);
  if (recorded === undefined) awaitedBy.set(future, waiter);
  else if (recorded instanceof Set) recorded.add(waiter);
  else if (recorded !== waiter) {
    awaitedBy.set(future, new Set([recorded, waiter]));
  }
}

/** Forgets that `future` is awaited by `waiter`. */
export function discardAwaitedBy(future: object, waiter: object): void {
  const recorded = awaitedBy.get(future);
  if (recorded === waiter) awaitedBy.delete(future);
  else if (recorded instanceof Set) {
    recorded.delete(waiter);
    if (recorded.size === 0) awaitedBy.delete(future);
  }
}

/** The waiters recorded for `future`. */
export function recordedAwaitedBy(future: object): object[] {
  const recorded = awaitedBy.get(future);
  if (recorded === undefined) return [];
  return recorded instanceof Set ? [...recorded] : [recorded];
}
