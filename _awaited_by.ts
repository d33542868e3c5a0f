/**
 * The awaited-by relations that no `await` shows, CPython's
 * `future_add_to_awaited_by` and `_asyncio_awaited_by`: `gather()` records
 * its children as awaited by the task that called it, `shield()` its inner
 * future, a `TaskGroup` its tasks as awaited by the task that runs it.
 * (Code awaiting a future directly is found on the future itself, among
 * its waiters.) The call graph (graph.ts) reads them. Not exported from
 * mod.ts.
 *
 * @module
 */

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
