/**
 * Python asyncio's event loop and futures, for Deno, Node.js and browsers.
 *
 * An {@linkcode EventLoop} runs callbacks scheduled with
 * {@linkcode EventLoop.callSoon}, {@linkcode EventLoop.callLater} and
 * {@linkcode EventLoop.callAt}, one iteration at a time. A
 * {@linkcode Future} stands for a result that is not there yet. Names are
 * asyncio's in camelCase (`call_soon` is `callSoon`), and every time is in
 * seconds, as in asyncio.
 *
 * ```ts
 * import { EventLoop } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const loop = new EventLoop();
 * const allDone = loop.createFuture<string>();
 * loop.callSoon((future, result) => future.setResult(result), allDone, "hi");
 *
 * assert.equal(await loop.runUntilComplete(allDone), "hi");
 * loop.close();
 * ```
 *
 * @module
 */

export {
  BrokenBarrierError,
  CancelledError,
  type ErrorClass,
  type ExceptionCondition,
  ExceptionGroup,
  InvalidStateError,
  KeyboardInterrupt,
  LookupError,
  TimeoutError,
} from "./errors.ts";
export { Future, type FutureOptions } from "./future.ts";
export { Handle, TimerHandle } from "./handle.ts";
export {
  type Awaitable,
  EventLoop,
  type EventLoopOptions,
  type ExceptionContext,
  type ExceptionHandler,
} from "./loop.ts";
export type { TaskFactory } from "./_loop_types.ts";
export {
  getEventLoop,
  getRunningLoop,
  newEventLoop,
  setEventLoop,
} from "./events.ts";
export {
  type AnyFunction,
  type KeywordParameter,
  Keywords,
  kw,
  type ParameterPrefix,
  partial,
  type PartialFunction,
  type PositionalParameters,
  type RemainingParameters,
} from "./partial.ts";
export { repr } from "./repr.ts";
export {
  type Coroutine,
  type GeneratorCoroutine,
  Task,
  type TaskOptions,
} from "./task.ts";
export { allTasks, createTask, currentTask } from "./tasks.ts";
export type { PrintStackOptions, StackFrame, StackOptions } from "./_stack.ts";
export {
  type CallGraphOptions,
  captureCallGraph,
  formatCallGraph,
  futureAddToAwaitedBy,
  type FutureCallGraph,
  futureDiscardFromAwaitedBy,
  printCallGraph,
  type PrintCallGraphOptions,
} from "./graph.ts";
export { formatTasks } from "./format_tasks.ts";
export {
  createEagerTaskFactory,
  eagerTaskFactory,
  type TaskConstructor,
} from "./eager.ts";
export type { AbstractEventLoop, ScheduledCallback } from "./_runtime.ts";
export { sleep } from "./sleep.ts";
export {
  Context,
  ContextVar,
  type ContextVarOptions,
  copyContext,
  type TaskContextOption,
  Token,
} from "./contextvars.ts";
export { QueueEmpty, QueueFull, QueueShutDown } from "./errors.ts";
export {
  LifoQueue,
  PriorityQueue,
  type PriorityQueueOptions,
  Queue,
  type QueueOptions,
} from "./queues.ts";
export {
  gather,
  GatheringFuture,
  type GatherOptions,
  type GatherResults,
  type GatherSettled,
  shield,
} from "./gather.ts";
export {
  ALL_COMPLETED,
  type AsCompleted,
  asCompleted,
  type AsCompletedOptions,
  type CompletedFuture,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  type ReturnWhen,
  wait,
  type WaitOptions,
} from "./wait.ts";
export { Timeout, timeout, timeoutAt, waitFor } from "./timeout.ts";
export { TaskGroup } from "./task_group.ts";
export { run } from "./run.ts";
export {
  type ClosedOnAsyncDispose,
  Runner,
  type RunnerOptions,
  type RunnerRunOptions,
} from "./runner.ts";
export {
  ensureFuture,
  type EnsureFutureOptions,
  isFuture,
} from "./ensure_future.ts";
export type { AwaitableLike, BlockResult, ResultOf } from "./_util.ts";
export { Condition, Event, Lock } from "./locks.ts";
export { BoundedSemaphore, Semaphore } from "./semaphore.ts";
export { Barrier } from "./barrier.ts";
export type { ReleasedOnDispose, Waitable } from "./_loop_bound.ts";
