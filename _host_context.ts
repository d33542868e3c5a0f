/**
 * The host's async context (`AsyncLocalStorage` of `node:async_hooks`, in
 * Deno, Node.js and Bun; none in browsers), which carries the task whose
 * code runs across every `await`, foreign ones included. The runtime
 * (_runtime.ts) reads the carried task; tasks start their code in it; the
 * loop runs outside it. Not exported from mod.ts.
 *
 * Its costs, measured (see BENCHMARKS.md): on Node.js 20 and 22 an enabled
 * storage slows every promise of the process, so it is enabled only while a
 * loop runs or a task is pending; in Deno, entering a context costs ~0.8 us
 * and each task's context ~400 bytes, so the loop enters none per callback.
 *
 * @module
 */

/** The part of the host's `AsyncLocalStorage` that this library uses. */
interface Storage {
  getStore(): object | undefined;
  run<A extends unknown[]>(
    store: object | undefined,
    fn: (...args: A) => void,
    ...args: A
  ): void;
  disable(): void;
}

// `undefined` until the first `async` function task starts: only then is
// the host asked (in Deno, reading `globalThis.process` loads the Node.js
// compatibility layer, ~30 ms), and only a storage in use costs the host
// anything. `null`: the host has none (browsers).
let storage: Storage | null | undefined;
// Whether the storage is enabled (in use since its first run()).
let storageEnabled = false;

function findStorage(): Storage | null {
  try {
    const process = (globalThis as {
      process?: { getBuiltinModule?: (id: string) => unknown };
    }).process;
    const hooks = process?.getBuiltinModule?.("node:async_hooks") as
      | { AsyncLocalStorage?: new () => Storage }
      | undefined;
    const AsyncLocalStorage = hooks?.AsyncLocalStorage;
    if (typeof AsyncLocalStorage === "function") return new AsyncLocalStorage();
  } catch {
    // A host that refuses the module has no async context to offer.
  }
  return null;
}

/**
 * Calls `fn`, the start of `task`'s `async` function, so that its code and
 * everything it awaits carry the task (where the host has an async
 * context).
 */
export function runAsTask<T extends object, A>(
  task: T,
  fn: (task: T, arg: A) => void,
  arg: A,
): void {
  if (storage === undefined) storage = findStorage();
  if (storage === null) return fn(task, arg);
  storageEnabled = true;
  storage.run(task, fn, task, arg);
}

/**
 * Whether the host has an async context (asked now if it was not yet): code
 * after a foreign await then still carries its task.
 */
export function hasHostContext(): boolean {
  if (storage === undefined) storage = findStorage();
  return storage !== null;
}

/**
 * Calls `fn` outside every task's context: the loop's own machinery runs
 * so, so that the callbacks it runs, and what they start, belong to no
 * task.
 */
export function outsideTasks(fn: () => void): void {
  if (storageEnabled && storage!.getStore() !== undefined) {
    storage!.run(undefined, fn);
  } else fn();
}

/**
 * Whether code may carry a task in the host's async context now (a task
 * started since the storage was last released).
 */
export function carriesTasks(): boolean {
  return storageEnabled;
}

/**
 * The task that the host's async context carries, if any; `null` where the
 * host has none, or no task started with it yet.
 */
export function carriedStore(): object | undefined | null {
  return storageEnabled ? storage!.getStore() : null;
}

/**
 * What to add to an error that found no current task: where the host has
 * no async context (browsers), code after a foreign await belongs to no
 * task, and `await ensureFuture(promise)` is the way to keep it.
 */
export function noTaskHint(): string {
  return storage === null
    ? " (this host has no async context: after a foreign await, code belongs to no task; await ensureFuture(promise) keeps the task)"
    : "";
}

/** Stops the host's async context until the next task starts. */
export function releaseContext(): void {
  if (!storageEnabled) return;
  storageEnabled = false;
  storage!.disable();
}

/**
 * @ignore For tests of hosts without an async context (browsers): forget
 * the host's storage (`false`), or look it up again (`true`).
 */
export function useHostContext(use: boolean): void {
  releaseContext();
  storage = use ? undefined : null;
}
