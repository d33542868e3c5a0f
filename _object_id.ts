/**
 * Ids for the introspection's output (the call graph, `formatTasks()`),
 * where asyncio shows `id()`, an address: a number given to each object the
 * first time it is shown, the same for as long as the object lives. Not
 * exported from mod.ts.
 *
 * @module
 */

const ids = new WeakMap<object, number>();
let lastId = 0;

/** `object`'s id, given on first use. */
export function objectId(object: object): number {
  let id = ids.get(object);
  if (id === undefined) ids.set(object, id = ++lastId);
  return id;
}
