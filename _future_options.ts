/**
 * The options of the {@linkcode Future} constructor, and their checks, kept
 * off the constructor's hot path: the library makes its futures through one
 * frozen `{ loop }` per loop, checked once. Not exported from mod.ts (which
 * exports the {@linkcode FutureOptions} type through future.ts).
 *
 * @module
 */

import { type AbstractEventLoop, currentLoop, SLOT } from "./_runtime.ts";
import { checkLoop, checkOptions, isLoop } from "./_validate.ts";

const FUTURE_OPTIONS = ["loop"];

/** Options for the {@linkcode Future} constructor. */
export interface FutureOptions {
  /** The loop to bind to. Defaults to {@linkcode getEventLoop}'s loop. */
  loop?: AbstractEventLoop | undefined;
}

/** The last frozen options object whose checks passed. */
let checkedOptions: FutureOptions | undefined;

/**
 * The options that make a future of `loop` at the least cost, for the
 * library's own futures (`new Future(futureOptionsOf(loop))`, a subclass's
 * `super(futureOptionsOf(loop))`): the loop's one frozen `{ loop }`, which
 * the constructor checks once rather than for every future.
 */
export function futureOptionsOf(loop: AbstractEventLoop): FutureOptions {
  return loop[SLOT].futureOptions ?? { loop };
}

/**
 * The loop that a future's `options` name (the current loop without one).
 * Small, so that V8 inlines it and the constructor into `createFuture()`;
 * `owner` (the class constructed) names the method in the messages.
 */
export function loopOfOptions(
  owner: { name: string },
  options: FutureOptions,
): AbstractEventLoop {
  return options === checkedOptions
    ? options.loop!
    : checkedLoop(owner.name, options);
}

/** `options` checked: its loop, or the current loop without one. */
function checkedLoop(name: string, options: FutureOptions): AbstractEventLoop {
  // Cheap checks first; the class name is only used in the message.
  if (typeof options !== "object" || options === null) {
    checkOptions(name, FUTURE_OPTIONS, options);
  }
  for (const key in options) {
    if (key !== "loop") checkOptions(name, FUTURE_OPTIONS, options);
  }
  const loop = options.loop;
  if (loop === undefined) {
    // `new Future(loop)` for `new Future({ loop })`.
    if (isLoop(options)) checkOptions(name, FUTURE_OPTIONS, options);
    return currentLoop();
  }
  if (!isLoop(loop)) checkLoop(name, "options.loop", loop);
  // A frozen object stays valid: the next future made with it skips this.
  if (Object.isFrozen(options)) checkedOptions = options;
  return loop;
}
