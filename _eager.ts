/**
 * The eager start of a task (Python 3.12's eager tasks, `eager_start`): its
 * first step runs at once, inside the call that creates it, with the task
 * as the current task (CPython's `Task.__eager_start` and
 * `_swap_current_task`). Not exported from mod.ts.
 *
 * @module
 */

import { hasHostContext } from "./_host_context.ts";
import {
  type AbstractEventLoop,
  type Claimable,
  type RuntimeTask,
  slotOf,
  type TaskSlot,
} from "./_runtime.ts";
import { argumentError, isGenerator } from "./_validate.ts";

/** What a {@linkcode TaskSlot} held when an eager step began. */
interface SlotState {
  currentTask: RuntimeTask | undefined;
  resuming: boolean;
  stepping: boolean;
  savedTask: RuntimeTask | undefined;
  savedResuming: boolean;
  unclaimed: Claimable[];
}

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;

/** Throws unless `value` (the `eagerStart` option) is a boolean or absent. */
export function checkEagerStart(method: string, value: unknown): void {
  if (value !== undefined && typeof value !== "boolean") {
    throw argumentError(method, "options.eagerStart", "a boolean", value);
  }
}

/**
 * Whether a task of `loop` that runs `coro` starts eagerly when asked to:
 * only while the loop runs, as in asyncio (otherwise it is scheduled). An
 * `async` function needs the host's async context: its code after the
 * first await runs in microtasks, after the eager step, and only that
 * context tells it from its creator's code (without it, in browsers, the
 * task is scheduled as usual).
 */
export function canStartEagerly(
  loop: AbstractEventLoop,
  coro: unknown,
): boolean {
  return loop.isRunning() &&
    (isGenerator(coro) || coro instanceof GeneratorFunction ||
      hasHostContext());
}

/**
 * Runs `task`'s first step now, with `step`, then makes what was current
 * current again.
 */
export function startEagerly<T extends RuntimeTask>(
  task: T,
  step: (task: T) => void,
): void {
  const slot = slotOf(task.getLoop());
  const state = enterEager(slot);
  try {
    step(task);
  } finally {
    leaveEager(slot, state, task);
  }
}

/**
 * The slot is cleared for the eager step, as for a callback of the task's
 * own; what it held is returned.
 */
function enterEager(slot: TaskSlot): SlotState {
  const state: SlotState = {
    currentTask: slot.currentTask,
    resuming: slot.resuming,
    stepping: slot.stepping,
    savedTask: slot.savedTask,
    savedResuming: slot.savedResuming,
    unclaimed: slot.unclaimed,
  };
  slot.currentTask = undefined;
  slot.resuming = false;
  slot.stepping = false;
  slot.unclaimed = [];
  return state;
}

/**
 * The eager step of `task` has ended: what was current is current again.
 * An `async` function's code goes on to its first suspension in microtasks
 * (its first await), and the loop waits for it as for code it woke: in a
 * plain callback, it is the code the loop woke; inside code the loop
 * already waits for (the creator's), that wait covers it; after a
 * generator step, the loop drains.
 */
function leaveEager(
  slot: TaskSlot,
  state: SlotState,
  task: RuntimeTask,
): void {
  const running = slot.resuming && slot.currentTask === task;
  slot.currentTask = state.currentTask;
  slot.resuming = state.resuming;
  slot.stepping = state.stepping;
  slot.savedTask = state.savedTask;
  slot.savedResuming = state.savedResuming;
  slot.unclaimed = state.unclaimed;
  if (!running) return;
  if (!state.resuming && !state.stepping) {
    slot.resuming = true;
    slot.currentTask = task;
    return;
  }
  // The task's code runs outside the loop's view until it awaits one of our
  // futures or ends (either brings it back): on a virtual clock, it is away,
  // as code the loop woke that went off to foreign work, so that the clock
  // does not jump past foreign work it awaits first. (On a real clock being
  // away changes nothing with the host's async context, and costs a weak
  // reference.)
  if (slot.awaits !== null) slot.detach(task);
  if (state.stepping) slot.drain = true;
}
