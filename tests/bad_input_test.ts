/**
 * Bad input everywhere: wrong types and values for every public function,
 * method and constructor of mod.ts. Each error has the right class
 * (TypeError or RangeError for a bad argument, the spec's class for a bad
 * state) and a message that names the function, the argument and the value;
 * none of them disturbs the loop: work queued before still runs exactly
 * once afterwards.
 */

import assert from "node:assert/strict";
import {
  allTasks,
  asCompleted,
  CancelledError,
  createTask,
  currentTask,
  ensureFuture,
  EventLoop,
  ExceptionGroup,
  Future,
  gather,
  GatheringFuture,
  getEventLoop,
  getRunningLoop,
  Handle,
  InvalidStateError,
  Keywords,
  kw,
  newEventLoop,
  partial,
  repr,
  run,
  setEventLoop,
  shield,
  sleep,
  Task,
  TaskGroup,
  Timeout,
  timeout,
  timeoutAt,
  TimerHandle,
  wait,
  waitFor,
} from "../mod.ts";

type ErrorClass =
  | typeof TypeError
  | typeof RangeError
  | typeof Error
  | typeof InvalidStateError;

interface BadCase {
  /** The call, as the step's name. */
  call: string;
  /** Makes the call; a promise for the methods that reject. */
  run: () => unknown;
  /** The exact class of the error. */
  error: ErrorClass;
  /** The exact message, or a pattern for engine-made messages. */
  message: string | RegExp;
  /**
   * The call refuses a running loop (or needs one) before it looks at its
   * argument, as in asyncio, so it is left out of the in-loop test.
   */
  outsideOnly?: boolean;
}

function noop(): void {}

// Callers in JavaScript, or TypeScript callers that cast: the arguments
// are deliberately wrong, so the table goes through `any`-free casts.
const bad = <T>(value: unknown): T => value as T;

/** The cases, for a loop with work queued on it. */
function cases(loop: EventLoop): BadCase[] {
  const other = new EventLoop({ clock: "virtual" });
  const pending = loop.createFuture<number>();
  const done = loop.createFuture<number>();
  done.setResult(1);
  const task = new Task(() => 1, { loop });
  const loopText = String(loop);
  const fn = "[Function: noop]";
  const awaitable = "a future, a promise or an async function";
  const seconds = "a number of seconds or null";
  return [
    // EventLoop and newEventLoop
    {
      call: "new EventLoop(42)",
      run: () => new EventLoop(bad(42)),
      error: TypeError,
      message:
        "EventLoop() expected `options` to be an object such as { clock, autojump }, got 42",
    },
    {
      call: 'new EventLoop("virtual")',
      run: () => new EventLoop(bad("virtual")),
      error: TypeError,
      message:
        'EventLoop() expected `options` to be an object such as { clock, autojump }, got "virtual"',
    },
    {
      call: "new EventLoop(null)",
      run: () => new EventLoop(bad(null)),
      error: TypeError,
      message:
        "EventLoop() expected `options` to be an object such as { clock, autojump }, got null",
    },
    {
      call: 'new EventLoop({ clock: "fake" })',
      run: () => new EventLoop({ clock: bad("fake") }),
      error: TypeError,
      message:
        'EventLoop() expected `options.clock` to be "real" or "virtual", got "fake"',
    },
    {
      call: "new EventLoop({ clock: 1 })",
      run: () => new EventLoop({ clock: bad(1) }),
      error: TypeError,
      message:
        'EventLoop() expected `options.clock` to be "real" or "virtual", got 1',
    },
    {
      call: "newEventLoop(42)",
      run: () => newEventLoop(bad(42)),
      error: TypeError,
      message:
        "newEventLoop() expected `options` to be an object such as { clock, autojump }, got 42",
    },
    {
      call: 'newEventLoop({ clock: "fake" })',
      run: () => newEventLoop({ clock: bad("fake") }),
      error: TypeError,
      message:
        'newEventLoop() expected `options.clock` to be "real" or "virtual", got "fake"',
    },
    {
      call: "new EventLoop({ autojump: false })",
      run: () => new EventLoop({ autojump: false }),
      error: TypeError,
      message:
        'EventLoop() got `options.autojump` false with the real clock: autojump is an option of clock: "virtual"',
    },
    {
      call: 'new EventLoop({ clock: "virtual", autojump: -1 })',
      run: () => new EventLoop({ clock: "virtual", autojump: -1 }),
      error: RangeError,
      message:
        "EventLoop() expected `options.autojump` to be true, false or a finite number of seconds >= 0, got -1",
    },
    {
      call: 'new EventLoop({ clock: "virtual", autojump: "1" })',
      run: () => new EventLoop({ clock: "virtual", autojump: bad("1") }),
      error: TypeError,
      message:
        'EventLoop() expected `options.autojump` to be true, false or a finite number of seconds >= 0, got "1"',
    },
    {
      call: 'new EventLoop({ clock: "virtual", jump: true })',
      run: () => new EventLoop(bad({ clock: "virtual", jump: true })),
      error: TypeError,
      message:
        'EventLoop() got an unknown option "jump": it takes { clock, autojump }',
    },
    {
      call: 'loop.advance("1")',
      run: () => loop.advance(bad("1")),
      error: TypeError,
      message:
        'advance() expected `seconds` to be a number of seconds, got "1"',
    },
    {
      call: "loop.advance(-1)",
      run: () => loop.advance(-1),
      error: RangeError,
      message:
        "advance() expected `seconds` to be a finite number of seconds >= 0, got -1",
    },
    {
      call: "loop.advance(1) of a real-clock loop",
      run: () => new EventLoop().advance(1),
      error: TypeError,
      message:
        'advance() needs a loop with a virtual clock, such as new EventLoop({ clock: "virtual", autojump: false }); this loop runs on the real clock',
    },
    // Scheduling
    {
      call: "loop.callSoon(undefined)",
      run: () => loop.callSoon(bad(undefined)),
      error: TypeError,
      message: "callSoon() expected `callback` to be a function, got undefined",
    },
    {
      call: 'loop.callSoon("noop")',
      run: () => loop.callSoon(bad("noop")),
      error: TypeError,
      message: 'callSoon() expected `callback` to be a function, got "noop"',
    },
    {
      call: "loop.callSoon({ a: 1 })",
      run: () => loop.callSoon(bad({ a: 1 })),
      error: TypeError,
      message: "callSoon() expected `callback` to be a function, got { a: 1 }",
    },
    {
      call: 'loop.callLater("1", noop)',
      run: () => loop.callLater(bad("1"), noop),
      error: TypeError,
      message:
        'callLater() expected `delay` to be a number of seconds, got "1"',
    },
    {
      call: "loop.callLater(NaN, noop)",
      run: () => loop.callLater(NaN, noop),
      error: RangeError,
      message:
        "callLater() expected `delay` to be a number of seconds, got NaN",
    },
    {
      call: "loop.callLater(1n, noop)",
      run: () => loop.callLater(bad(1n), noop),
      error: TypeError,
      message: "callLater() expected `delay` to be a number of seconds, got 1n",
    },
    {
      call: "loop.callLater(undefined, noop)",
      run: () => loop.callLater(bad(undefined), noop),
      error: TypeError,
      message:
        "callLater() expected `delay` to be a number of seconds, got undefined",
    },
    {
      call: "loop.callLater(noop, 1) (arguments swapped)",
      run: () => loop.callLater(bad(noop), bad(1)),
      error: TypeError,
      message:
        `callLater() expected \`delay\` to be a number of seconds, got ${fn}`,
    },
    {
      call: "loop.callLater(1, null)",
      run: () => loop.callLater(1, bad(null)),
      error: TypeError,
      message: "callLater() expected `callback` to be a function, got null",
    },
    {
      call: 'loop.callAt("0", noop)',
      run: () => loop.callAt(bad("0"), noop),
      error: TypeError,
      message: 'callAt() expected `when` to be a number of seconds, got "0"',
    },
    {
      call: "loop.callAt(NaN, noop)",
      run: () => loop.callAt(NaN, noop),
      error: RangeError,
      message: "callAt() expected `when` to be a number of seconds, got NaN",
    },
    {
      call: "loop.callAt(0, 42)",
      run: () => loop.callAt(0, bad(42)),
      error: TypeError,
      message: "callAt() expected `callback` to be a function, got 42",
    },
    // Tasks and runs
    {
      call: "loop.createTask(42)",
      run: () => loop.createTask(bad<() => void>(42)),
      error: TypeError,
      message:
        "createTask() expected `coro` to be a function or a promise, got 42",
    },
    {
      call: 'loop.createTask(noop, "name")',
      run: () => loop.createTask(noop, bad("name")),
      error: TypeError,
      message:
        'createTask() expected `options` to be an object such as { name, signal, context, eagerStart }, got "name"',
    },
    {
      call: "loop.runUntilComplete(42)",
      outsideOnly: true,
      run: () => loop.runUntilComplete(bad<Future<unknown>>(42)),
      error: TypeError,
      message:
        "runUntilComplete() expected `awaitable` to be a future, a promise or an async function, got 42",
    },
    {
      call: "loop.runUntilComplete(undefined)",
      outsideOnly: true,
      run: () => loop.runUntilComplete(bad<Future<unknown>>(undefined)),
      error: TypeError,
      message:
        "runUntilComplete() expected `awaitable` to be a future, a promise or an async function, got undefined",
    },
    {
      call: "loop.runUntilComplete(another loop's future)",
      outsideOnly: true,
      run: () => loop.runUntilComplete(other.createFuture()),
      error: Error,
      message:
        "runUntilComplete() got <Future pending>, a future of another EventLoop than this one",
    },
    // Exception handlers
    {
      call: 'loop.setExceptionHandler("handler")',
      run: () => loop.setExceptionHandler(bad("handler")),
      error: TypeError,
      message:
        'setExceptionHandler() expected `handler` to be a function or null, got "handler"',
    },
    {
      call: "loop.setExceptionHandler(undefined)",
      run: () => loop.setExceptionHandler(bad(undefined)),
      error: TypeError,
      message:
        "setExceptionHandler() expected `handler` to be a function or null, got undefined",
    },
    {
      call: 'loop.callExceptionHandler("oops")',
      run: () => loop.callExceptionHandler(bad("oops")),
      error: TypeError,
      message:
        'callExceptionHandler() expected `context` to be an object such as { message }, got "oops"',
    },
    {
      call: "loop.callExceptionHandler(null)",
      run: () => loop.callExceptionHandler(bad(null)),
      error: TypeError,
      message:
        "callExceptionHandler() expected `context` to be an object such as { message }, got null",
    },
    {
      call: "loop.defaultExceptionHandler(42)",
      run: () => loop.defaultExceptionHandler(bad(42)),
      error: TypeError,
      message:
        "defaultExceptionHandler() expected `context` to be an object such as { message }, got 42",
    },
    {
      call: "a detached method: const { callSoon } = loop; callSoon(noop)",
      run: () => {
        const { callSoon } = loop;
        callSoon(noop);
      },
      error: TypeError,
      // The engine's message, such as "Cannot read properties of undefined
      // (reading '#closed')".
      message: /undefined|private/,
    },
    // Module functions
    {
      call: "setEventLoop({})",
      run: () => setEventLoop(bad({})),
      error: TypeError,
      message:
        "setEventLoop() expected `loop` to be an EventLoop or null, got {}",
    },
    {
      call: "setEventLoop(undefined)",
      run: () => setEventLoop(bad(undefined)),
      error: TypeError,
      message:
        "setEventLoop() expected `loop` to be an EventLoop or null, got undefined",
    },
    {
      call: "getRunningLoop() with no loop running",
      outsideOnly: true,
      run: () => getRunningLoop(),
      error: Error,
      message: "no running event loop",
    },
    // Future
    {
      call: "new Future(42)",
      run: () => new Future(bad(42)),
      error: TypeError,
      message:
        "Future() expected `options` to be an object such as { loop }, got 42",
    },
    {
      call: "new Future(loop) (the loop instead of { loop })",
      run: () => new Future(bad(loop)),
      error: TypeError,
      message:
        `Future() expected \`options\` to be an object such as { loop }, got ${loopText}`,
    },
    {
      call: "new Future({ loop: 42 })",
      run: () => new Future({ loop: bad(42) }),
      error: TypeError,
      message: "Future() expected `options.loop` to be an EventLoop, got 42",
    },
    {
      call: "new Future({ loop: {} })",
      run: () => new Future({ loop: bad({}) }),
      error: TypeError,
      message: "Future() expected `options.loop` to be an EventLoop, got {}",
    },
    {
      call: 'future.addDoneCallback("callback")',
      run: () => pending.addDoneCallback(bad("callback")),
      error: TypeError,
      message:
        'addDoneCallback() expected `fn` to be a function, got "callback"',
    },
    {
      call: "future.removeDoneCallback(undefined)",
      run: () => pending.removeDoneCallback(bad(undefined)),
      error: TypeError,
      message:
        "removeDoneCallback() expected `fn` to be a function, got undefined",
    },
    {
      call: "future.result() while pending",
      run: () => pending.result(),
      error: InvalidStateError,
      message: "Result is not set.",
    },
    {
      call: "future.exception() while pending",
      run: () => pending.exception(),
      error: InvalidStateError,
      message: "Exception is not set.",
    },
    {
      call: "future.setResult() when done",
      run: () => done.setResult(2),
      error: InvalidStateError,
      message: "invalid state",
    },
    {
      call: "future.setException() when done",
      run: () => done.setException(new Error("late")),
      error: InvalidStateError,
      message: "invalid state",
    },
    // Task
    {
      call: "new Task(42)",
      run: () => new Task(bad<() => void>(42), { loop }),
      error: TypeError,
      message: "Task() expected `coro` to be a function or a promise, got 42",
    },
    {
      call: "new Task({ then: 1 })",
      run: () => new Task(bad<() => void>({ then: 1 }), { loop }),
      error: TypeError,
      message:
        "Task() expected `coro` to be a function or a promise, got { then: 1 }",
    },
    {
      call: "new Task(noop, 42)",
      run: () => new Task(noop, bad(42)),
      error: TypeError,
      message:
        "Task() expected `options` to be an object such as { name, loop, signal, context, eagerStart }, got 42",
    },
    {
      call: 'new Task(noop, { loop: "loop" })',
      run: () => new Task(noop, { loop: bad("loop") }),
      error: TypeError,
      message: 'Task() expected `options.loop` to be an EventLoop, got "loop"',
    },
    {
      call: "task.setResult()",
      run: () => task.setResult(1),
      error: Error,
      message: "Task does not support set_result operation",
    },
    {
      call: "task.setException()",
      run: () => task.setException(new Error("no")),
      error: Error,
      message: "Task does not support set_exception operation",
    },
    {
      call: 'task.addDoneCallback("callback")',
      run: () => task.addDoneCallback(bad("callback")),
      error: TypeError,
      message:
        'addDoneCallback() expected `fn` to be a function, got "callback"',
    },
    // Handle, TimerHandle
    {
      call: "new Handle(42, [], loop)",
      run: () => new Handle(bad(42), [], loop),
      error: TypeError,
      message: "Handle() expected `callback` to be a function, got 42",
    },
    {
      call: 'new Handle(noop, "args", loop)',
      run: () => new Handle(noop, bad("args"), loop),
      error: TypeError,
      message: 'Handle() expected `args` to be an array, got "args"',
    },
    {
      call: "new Handle(noop, [], {})",
      run: () => new Handle(noop, [], bad({})),
      error: TypeError,
      message: "Handle() expected `loop` to be an EventLoop, got {}",
    },
    {
      call: 'new TimerHandle("1", noop, [], loop)',
      run: () => new TimerHandle(bad("1"), noop, [], loop),
      error: TypeError,
      message:
        'TimerHandle() expected `when` to be a number of seconds, got "1"',
    },
    {
      call: "new TimerHandle(NaN, noop, [], loop)",
      run: () => new TimerHandle(NaN, noop, [], loop),
      error: RangeError,
      message:
        "TimerHandle() expected `when` to be a number of seconds, got NaN",
    },
    {
      call: "new TimerHandle(0, 42, [], loop)",
      run: () => new TimerHandle(0, bad(42), [], loop),
      error: TypeError,
      message: "TimerHandle() expected `callback` to be a function, got 42",
    },
    // partial, kw, Keywords
    {
      call: "partial(42)",
      run: () => partial(bad<typeof noop>(42)),
      error: TypeError,
      message: "partial() expected `func` to be a function, got 42",
    },
    {
      call: 'partial("noop", 1)',
      run: () => partial(bad<(n: number) => void>("noop"), 1),
      error: TypeError,
      message: 'partial() expected `func` to be a function, got "noop"',
    },
    {
      call: "kw(42)",
      run: () => kw(bad<object>(42)),
      error: TypeError,
      message:
        "kw() expected `values` to be an object of keyword arguments, got 42",
    },
    {
      call: "kw(null)",
      run: () => kw(bad<object>(null)),
      error: TypeError,
      message:
        "kw() expected `values` to be an object of keyword arguments, got null",
    },
    {
      call: "kw([1, 2])",
      run: () => kw(bad<object>([1, 2])),
      error: TypeError,
      message:
        "kw() expected `values` to be an object of keyword arguments, got [1, 2]",
    },
    {
      call: 'new Keywords("n=1")',
      run: () => new Keywords(bad<object>("n=1")),
      error: TypeError,
      message:
        'Keywords() expected `values` to be an object of keyword arguments, got "n=1"',
    },
    // Debug mode
    {
      call: "loop.slowCallbackDuration = -1",
      run: () => (loop.slowCallbackDuration = -1),
      error: RangeError,
      message: "slowCallbackDuration expected a number of seconds >= 0, got -1",
    },
    {
      call: 'loop.slowCallbackDuration = "1"',
      run: () => (loop.slowCallbackDuration = bad("1")),
      error: TypeError,
      message:
        'slowCallbackDuration expected a number of seconds >= 0, got "1"',
    },
    // Tasks: module functions
    {
      call: "createTask(noop) with no loop running",
      run: () => createTask(noop),
      error: Error,
      message:
        "createTask() needs a running event loop: call it from code run by run(main) or loop.runUntilComplete(main)",
      outsideOnly: true,
    },
    {
      call: "currentTask(42)",
      run: () => currentTask(bad(42)),
      error: TypeError,
      message: "currentTask() expected `loop` to be an EventLoop, got 42",
    },
    {
      call: "currentTask({})",
      run: () => currentTask(bad({})),
      error: TypeError,
      message: "currentTask() expected `loop` to be an EventLoop, got {}",
    },
    {
      call: 'allTasks("loop")',
      run: () => allTasks(bad("loop")),
      error: TypeError,
      message: 'allTasks() expected `loop` to be an EventLoop, got "loop"',
    },
    {
      call: "new Task(noop, { signal: {} })",
      run: () => new Task(noop, { loop, signal: bad({}) }),
      error: TypeError,
      message: "Task() expected `options.signal` to be an AbortSignal, got {}",
    },
    // sleep, gather, shield
    {
      call: 'sleep("1")',
      run: () => sleep(bad("1")),
      error: TypeError,
      message: 'sleep() expected `delay` to be a number of seconds, got "1"',
    },
    {
      call: "sleep(NaN)",
      run: () => sleep(NaN),
      error: RangeError,
      message: "sleep() expected `delay` to be a number of seconds, got NaN",
    },
    {
      call: "gather(42)",
      run: () => gather(bad<Future<unknown>[]>(42)),
      error: TypeError,
      message:
        "gather() expected `awaitables` to be an array of awaitables, got 42",
    },
    {
      call: "gather(a generator coroutine)",
      run: () => gather(bad<Future<unknown>[]>(coroutineObject())),
      error: TypeError,
      message:
        "gather() expected `awaitables` to be an array of awaitables, got <generator object>",
    },
    {
      call: "gather([42])",
      run: () => gather([bad(42)]),
      error: TypeError,
      message: `gather() expected \`awaitables\` to be ${awaitable}, got 42`,
    },
    {
      call: 'gather([], "returnExceptions")',
      run: () => gather([], bad("returnExceptions")),
      error: TypeError,
      message:
        'gather() expected `options` to be an object such as { returnExceptions }, got "returnExceptions"',
    },
    {
      call: "new GatheringFuture(42, loop)",
      run: () => new GatheringFuture(bad(42), loop),
      error: TypeError,
      message:
        "GatheringFuture() expected `children` to be an array of futures, got 42",
    },
    {
      call: "new GatheringFuture([], {})",
      run: () => new GatheringFuture([], bad({})),
      error: TypeError,
      message: "GatheringFuture() expected `loop` to be an EventLoop, got {}",
    },
    {
      call: "shield(42)",
      run: () => shield(bad<Future<unknown>>(42)),
      error: TypeError,
      message: `shield() expected \`awaitable\` to be ${awaitable}, got 42`,
    },
    // ensureFuture, and iterators that are not generators where a
    // generator coroutine may go
    {
      call: "ensureFuture(42)",
      run: () => ensureFuture(bad<Future<unknown>>(42)),
      error: TypeError,
      message:
        `ensureFuture() expected \`awaitable\` to be ${awaitable}, got 42`,
    },
    {
      call: "ensureFuture(null)",
      run: () => ensureFuture(bad<Future<unknown>>(null)),
      error: TypeError,
      message:
        `ensureFuture() expected \`awaitable\` to be ${awaitable}, got null`,
    },
    {
      call: 'ensureFuture("x")',
      run: () => ensureFuture(bad<Future<unknown>>("x")),
      error: TypeError,
      message:
        `ensureFuture() expected \`awaitable\` to be ${awaitable}, got "x"`,
    },
    {
      call: "ensureFuture({ next() {} })",
      run: () => ensureFuture(bad<Future<unknown>>({ next() {} })),
      error: TypeError,
      message:
        `ensureFuture() expected \`awaitable\` to be ${awaitable}, got { next: [Function: next] }`,
    },
    {
      call: "ensureFuture(future, 42)",
      run: () => ensureFuture(pending, bad(42)),
      error: TypeError,
      message:
        "ensureFuture() expected `options` to be an object such as { loop }, got 42",
    },
    {
      call: "ensureFuture(future, null)",
      run: () => ensureFuture(pending, bad(null)),
      error: TypeError,
      message:
        "ensureFuture() expected `options` to be an object such as { loop }, got null",
    },
    {
      call: "ensureFuture(future, { loop: 42 })",
      run: () => ensureFuture(pending, { loop: bad(42) }),
      error: TypeError,
      message:
        "ensureFuture() expected `options.loop` to be an EventLoop, got 42",
    },
    {
      call: "ensureFuture(future, { loop: other })",
      run: () => ensureFuture(pending, { loop: other }),
      error: Error,
      message:
        "ensureFuture() got <Future pending>, a future of another EventLoop than `options.loop`",
    },
    {
      call: "ensureFuture(promise, { loop: {} })",
      run: () => ensureFuture(Promise.resolve(1), { loop: bad({}) }),
      error: TypeError,
      message:
        "ensureFuture() expected `options.loop` to be an EventLoop, got {}",
    },
    {
      call: "loop.createTask({ next() {} })",
      run: () => loop.createTask(bad<() => void>({ next() {} })),
      error: TypeError,
      message:
        "createTask() expected `coro` to be a function or a promise, got { next: [Function: next] }",
    },
    {
      call: "new Task({ next() {}, throw() {} }, { loop })",
      run: () => new Task(bad<() => void>({ next() {}, throw() {} }), { loop }),
      error: TypeError,
      message:
        "Task() expected `coro` to be a function or a promise, got { next: [Function: next], throw: [Function: throw] }",
    },
    {
      call: "loop.runUntilComplete({ next() {} })",
      run: () => loop.runUntilComplete(bad<Future<unknown>>({ next() {} })),
      error: TypeError,
      message:
        `runUntilComplete() expected \`awaitable\` to be ${awaitable}, got { next: [Function: next] }`,
      outsideOnly: true,
    },
    // wait, asCompleted
    {
      call: "wait(42)",
      run: () => wait(bad<Future<unknown>[]>(42)),
      error: TypeError,
      message: "wait() expected `fs` to be an iterable of futures, got 42",
    },
    {
      call: "wait(a generator coroutine)",
      run: () => wait(bad<Future<unknown>[]>(coroutineObject())),
      error: TypeError,
      message:
        "wait() expected `fs` to be an iterable of futures, got <generator object>",
    },
    {
      call: "wait([])",
      run: () => wait([]),
      error: RangeError,
      message:
        "wait() expected `fs` to hold at least one future or task, got none",
    },
    {
      call: "wait([a promise])",
      run: () => wait([bad<Future<unknown>>(Promise.resolve(1))]),
      error: TypeError,
      message:
        "wait() expected `fs` to hold futures or tasks (wrap promises with createTask()), got Promise {}",
    },
    {
      call: "wait([future], 5)",
      run: () => wait([pending], bad(5)),
      error: TypeError,
      message:
        "wait() expected `options` to be an object such as { timeout, returnWhen }, got 5",
    },
    {
      call: 'wait([future], { returnWhen: "SOMETIMES" })',
      run: () => wait([pending], { returnWhen: bad("SOMETIMES") }),
      error: RangeError,
      message:
        'wait() expected `returnWhen` to be "FIRST_COMPLETED", "FIRST_EXCEPTION" or "ALL_COMPLETED", got "SOMETIMES"',
    },
    {
      call: 'wait([future], { timeout: "1" })',
      run: () => wait([pending], { timeout: bad("1") }),
      error: TypeError,
      message: `wait() expected \`timeout\` to be ${seconds}, got "1"`,
    },
    {
      call: "asCompleted(42)",
      run: () => asCompleted(bad<Future<unknown>[]>(42)),
      error: TypeError,
      message:
        "asCompleted() expected `fs` to be an iterable of futures, got 42",
    },
    {
      call: "asCompleted([future], 5)",
      run: () => asCompleted([pending], bad(5)),
      error: TypeError,
      message:
        "asCompleted() expected `options` to be an object such as { timeout }, got 5",
    },
    {
      call: "asCompleted([future], { timeout: NaN })",
      run: () => asCompleted([pending], { timeout: NaN }),
      error: RangeError,
      message: `asCompleted() expected \`timeout\` to be ${seconds}, got NaN`,
    },
    // timeout, timeoutAt, Timeout, waitFor
    {
      call: 'timeout("1")',
      run: () => timeout(bad("1")),
      error: TypeError,
      message: `timeout() expected \`delay\` to be ${seconds}, got "1"`,
    },
    {
      call: "timeout(NaN)",
      run: () => timeout(NaN),
      error: RangeError,
      message: `timeout() expected \`delay\` to be ${seconds}, got NaN`,
    },
    {
      call: "timeout(1, 42)",
      run: () => timeout(1, bad(42)),
      error: TypeError,
      message: "timeout() expected `body` to be a function, got 42",
    },
    {
      call: "timeoutAt(undefined)",
      run: () => timeoutAt(bad(undefined)),
      error: TypeError,
      message: `timeoutAt() expected \`when\` to be ${seconds}, got undefined`,
    },
    {
      call: "timeoutAt(1, {})",
      run: () => timeoutAt(1, bad({})),
      error: TypeError,
      message: "timeoutAt() expected `body` to be a function, got {}",
    },
    {
      call: 'new Timeout("1")',
      run: () => new Timeout(bad("1")),
      error: TypeError,
      message: `Timeout() expected \`when\` to be ${seconds}, got "1"`,
    },
    {
      call: "timeout.reschedule(NaN)",
      run: () => new Timeout(null).reschedule(NaN),
      error: RangeError,
      message: `reschedule() expected \`when\` to be ${seconds}, got NaN`,
    },
    {
      call: "timeout.run(42)",
      run: () => new Timeout(null).run(bad(42)),
      error: TypeError,
      message: "run() expected `body` to be a function, got 42",
    },
    {
      call: "waitFor(42, 1)",
      run: () => waitFor(bad<Future<unknown>>(42), 1),
      error: TypeError,
      message: `waitFor() expected \`awaitable\` to be ${awaitable}, got 42`,
    },
    {
      call: 'waitFor(future, "1")',
      run: () => waitFor(pending, bad("1")),
      error: TypeError,
      message: `waitFor() expected \`timeout\` to be ${seconds}, got "1"`,
    },
    // TaskGroup, run
    {
      call: "new TaskGroup().run(42)",
      run: () => new TaskGroup().run(bad(42)),
      error: TypeError,
      message: "run() expected `body` to be a function, got 42",
    },
    {
      call: "run(42)",
      run: () => run(bad<() => void>(42)),
      error: TypeError,
      message:
        "run() expected `main` to be an async function or a promise, got 42",
      outsideOnly: true,
    },
    {
      call: 'run(noop, "virtual")',
      run: () => run(noop, bad("virtual")),
      error: TypeError,
      message:
        'run() expected `options` to be an object such as { clock, autojump, debug, loopFactory }, got "virtual"',
      outsideOnly: true,
    },
    {
      call: 'run(noop, { clock: "fake" })',
      run: () => run(noop, { clock: bad("fake") }),
      error: TypeError,
      message:
        'run() expected `options.clock` to be "real" or "virtual", got "fake"',
      outsideOnly: true,
    },
    // ExceptionGroup
    {
      call: "new ExceptionGroup(42, [error])",
      run: () => new ExceptionGroup(bad(42), [new Error("a")]),
      error: TypeError,
      message: "ExceptionGroup() expected `message` to be a string, got 42",
    },
    {
      call: 'new ExceptionGroup("m", 42)',
      run: () => new ExceptionGroup("m", bad(42)),
      error: TypeError,
      message:
        "ExceptionGroup() expected `errors` to be a non-empty array of exceptions, got 42",
    },
    {
      call: 'new ExceptionGroup("m", [])',
      run: () => new ExceptionGroup("m", []),
      error: RangeError,
      message:
        "ExceptionGroup() expected `errors` to be a non-empty array of exceptions, got []",
    },
    ...(["subgroup", "split"] as const).map((method) => ({
      call: `group.${method}(42)`,
      run: () => new ExceptionGroup("m", [new Error("a")])[method](bad(42)),
      error: TypeError,
      message: `ExceptionGroup.${method}() expected \`condition\` to be ` +
        "an error class, an array of error classes, or a predicate, got 42",
    })),
  ];
}

/** Queues work whose runs are counted, on `loop`. */
function queueWork(loop: EventLoop): {
  runs: Record<string, number>;
  finished: Future<string>;
} {
  const runs: Record<string, number> = {
    soon: 0,
    later: 0,
    at: 0,
    "done callback": 0,
    task: 0,
  };
  const count = (name: string) => () => void runs[name]!++;
  loop.callSoon(count("soon"));
  loop.callLater(0.5, count("later"));
  loop.callAt(0.75, count("at"));
  const finished = loop.createFuture<string>();
  finished.addDoneCallback(count("done callback"));
  loop.createTask(() => {
    runs.task!++;
  });
  loop.callLater(1, () => finished.setResult("finished"));
  return { runs, finished };
}

function assertError(error: unknown, expected: BadCase): void {
  assert.ok(error instanceof Error, `not an Error: ${repr(error)}`);
  assert.equal(
    Object.getPrototypeOf(error).constructor,
    expected.error,
    `${error.name} instead of ${expected.error.name}: ${error.message}`,
  );
  if (typeof expected.message === "string") {
    assert.equal(error.message, expected.message);
  } else assert.match(error.message, expected.message);
}

/** A generator coroutine not started (what gather(*coros) would get). */
function* coroutineObject(): Generator<unknown, number> {
  yield;
  return 1;
}

Deno.test("every public function and constructor rejects bad input with the right error class and message", async (t) => {
  const previous = getEventLoop();
  const loop = new EventLoop({ clock: "virtual" });
  const handled: unknown[] = [];
  const handler = (_loop: EventLoop, context: { exception?: unknown }) =>
    void handled.push(context.exception);
  loop.setExceptionHandler(handler);
  const { runs, finished } = queueWork(loop);

  for (const expected of cases(loop)) {
    await t.step(expected.call, async () => {
      let result: unknown;
      try {
        result = expected.run();
      } catch (error) {
        assertError(error, expected);
        return;
      }
      assert.ok(result instanceof Promise, "no error was thrown");
      await assert.rejects(result, (error) => {
        assertError(error, expected);
        return true;
      });
    });
  }

  // Nothing was disturbed: the handler is the same, the loop idle and open,
  // and the work queued before runs exactly once.
  assert.equal(loop.getExceptionHandler(), handler);
  assert.equal(loop.isRunning(), false);
  assert.equal(loop.isClosed(), false);
  assert.equal(getEventLoop(), previous);
  assert.equal(await loop.runUntilComplete(finished), "finished");
  assert.deepEqual(runs, {
    soon: 1,
    later: 1,
    at: 1,
    "done callback": 1,
    task: 1,
  });
  assert.equal(loop.time(), 1);
  assert.deepEqual(handled, []);
  loop.close();
});

Deno.test("bad input inside a running loop throws the same errors, and the run goes on", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const handled: unknown[] = [];
  loop.setExceptionHandler((_loop, context) =>
    void handled.push(context.exception)
  );
  const { runs, finished } = queueWork(loop);
  const checked: string[] = [];
  const rejections: Array<[BadCase, Promise<unknown>]> = [];
  let considered = 0;
  loop.callSoon(() => {
    for (const expected of cases(loop)) {
      if (expected.outsideOnly) continue;
      considered++;
      let result: unknown;
      try {
        result = expected.run();
      } catch (error) {
        assertError(error, expected);
        checked.push(expected.call);
        continue;
      }
      assert.ok(result instanceof Promise, `${expected.call} did not throw`);
      result.catch(() => {}); // checked after the run
      rejections.push([expected, result]);
    }
  });
  assert.equal(await loop.runUntilComplete(finished), "finished");
  for (const [expected, promise] of rejections) {
    await assert.rejects(promise, (error) => {
      assertError(error, expected);
      return true;
    });
    checked.push(expected.call);
  }
  assert.ok(considered > 90);
  assert.equal(checked.length, considered);
  assert.deepEqual(runs, {
    soon: 1,
    later: 1,
    at: 1,
    "done callback": 1,
    task: 1,
  });
  assert.deepEqual(handled, []);
  loop.close();
});

Deno.test("values that asyncio accepts are accepted, converted as Python converts them", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  // A cancellation message that is not a string becomes one, as
  // CancelledError(42) does in Python.
  const future = loop.createFuture<number>();
  future.cancel(bad(42));
  assert.throws(() => future.result(), (e) => {
    assert.ok(e instanceof CancelledError);
    assert.equal(e.message, "42");
    return true;
  });
  // Task names go through String(), as through str() in Python.
  const task = loop.createTask(noop, { name: bad(7) });
  assert.equal(task.getName(), "7");
  task.setName(bad({ toString: () => "renamed" }));
  assert.equal(task.getName(), "renamed");
  // Infinite times are allowed: a timer at +Infinity never falls due, one
  // at -Infinity is due at once.
  const order: string[] = [];
  loop.callLater(Infinity, () => order.push("never"));
  loop.callAt(-Infinity, () => order.push("at once"));
  loop.callLater(-1, () => order.push("negative delay"));
  loop.callLater(1, () => loop.stop());
  await loop.runForever();
  assert.deepEqual(order, ["at once", "negative delay"]);
  assert.equal(loop.time(), 1);
  // Any value can be a future's exception, as JavaScript can throw anything.
  const failed = loop.createFuture<number>();
  failed.setException("a string");
  assert.equal(failed.exception(), "a string");
  loop.close();
});

Deno.test("repr() formats odd values without throwing, except where Python's repr() would raise", () => {
  const circular: unknown[] = [];
  circular.push(circular);
  const cases: Array<[unknown, string]> = [
    [Symbol("s"), "Symbol(s)"],
    [1n, "1n"],
    [Object.create(null), "{}"],
    [circular, "[[Circular]]"],
    [noop, "[Function: noop]"],
    [undefined, "undefined"],
    [NaN, "NaN"],
    ["\u0000\n'", `"\\x00\\n'"`],
  ];
  for (const [value, expected] of cases) assert.equal(repr(value), expected);
  // An object whose own toString() throws: the error propagates, as an
  // exception from __repr__ propagates out of Python's repr().
  const broken = {
    toString(): string {
      throw new Error("no repr");
    },
  };
  assert.throws(() => repr(broken), { message: "no repr" });
  // Error messages stay readable even for such a value.
  const loop = new EventLoop();
  assert.throws(() => loop.callSoon(bad(broken)), {
    name: "TypeError",
    message:
      "callSoon() expected `callback` to be a function, got [object Object]",
  });
  loop.close();
});

Deno.test("TaskGroup.createTask() checks its arguments; the error reaches the group like any error of its body", async () => {
  const loop = new EventLoop({ clock: "virtual" });
  const caught = await loop.runUntilComplete(async () => {
    const errors: unknown[] = [];
    for (
      const body of [
        (tg: TaskGroup) => tg.createTask(bad<() => void>(42)),
        (tg: TaskGroup) => tg.createTask(noop, bad("name")),
      ]
    ) {
      try {
        await new TaskGroup().run(body);
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  });
  assert.equal(caught.length, 2);
  const messages = caught.map((group) => {
    assert.ok(group instanceof ExceptionGroup);
    assert.equal(group.errors.length, 1);
    assert.ok(group.errors[0] instanceof TypeError);
    return (group.errors[0] as TypeError).message;
  });
  assert.deepEqual(messages, [
    "createTask() expected `coro` to be a function or a promise, got 42",
    'createTask() expected `options` to be an object such as { name, signal, context, eagerStart }, got "name"',
  ]);
  loop.close();
});
