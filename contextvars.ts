/**
 * Context variables: {@linkcode ContextVar}, {@linkcode Token},
 * {@linkcode Context} and {@linkcode copyContext}, a port of Python's
 * `contextvars` module (PEP 567) as asyncio uses it.
 *
 * A context is a mapping from variables to values. Code runs in one context
 * at a time, the current one: a task's own context while its code runs
 * (across every `await`, foreign ones included, as far as
 * {@linkcode currentTask} is exact), the context given to
 * {@linkcode Context.run} during that call, and otherwise the top-level
 * context, the one outside every task. A task runs in a copy of the context
 * current when it was created, or in the one its `context` option names.
 *
 * Callbacks that the loop runs ({@linkcode EventLoop.callSoon},
 * {@linkcode EventLoop.callLater}, {@linkcode EventLoop.callAt}, done
 * callbacks) run outside every task, so in the top-level context; asyncio
 * runs each in a copy of the context current when it was scheduled (their
 * `context=` keyword), which would cost every callback of the loop, the
 * library's own included, a look-up and a record. To run a callback in a
 * chosen context, schedule `() => context.run(callback, ...args)` with a
 * context from {@linkcode copyContext}. Where the host has no async context
 * (browsers), code after a foreign `await` belongs to no task, and so runs
 * in the top-level context; `await ensureFuture(promise)` keeps the task.
 *
 * A context's mapping is never changed in place: {@linkcode ContextVar.set}
 * gives the context a new mapping, so that a copy is one object that shares
 * the mapping until either side sets a variable. A task pays nothing for
 * this while its creator's context is empty (no record: it starts with an
 * empty context); otherwise it keeps its creator's mapping, and gets a
 * context object of its own only when its code sets a variable.
 *
 * @module
 */

import { LookupError } from "./errors.ts";
import {
  runningLoop,
  type RuntimeTask,
  setNewTaskHook,
  slotOf,
} from "./_runtime.ts";
import { inspectAsString, repr } from "./repr.ts";
import { argumentError, checkOptions } from "./_validate.ts";

/** A context's values; never changed once a context holds it. */
type Mapping = ReadonlyMap<ContextVar<unknown>, unknown>;

const EMPTY: Mapping = new Map();

// The contexts of tasks, by task: a task is in here only if it was created
// with a `context` option, while its creator's context held a value, or
// since its code set a variable. Any other task's context is empty. A task
// made with a copy of its creator's values holds just them (a mapping),
// until its code needs its context as an object (to set a variable).
const taskContexts = new WeakMap<RuntimeTask, Context | Mapping>();
// The context outside every task, made when first needed.
let topLevel: Context | undefined;
// The context that the innermost Context.run() entered, if any.
let entered: Context | undefined;

/** The task whose code runs now, if any. */
function runningTask(): RuntimeTask | undefined {
  const loop = runningLoop();
  return loop === null ? undefined : slotOf(loop).current();
}

/** The current context, if it exists as an object yet. */
function currentIfMade(): Context | undefined {
  if (entered !== undefined) return entered;
  const task = runningTask();
  if (task === undefined) return topLevel;
  const context = taskContexts.get(task);
  return context instanceof Context ? context : undefined;
}

/** The current context, made if needed (to be written to). */
function currentContext(): Context {
  if (entered !== undefined) return entered;
  const task = runningTask();
  if (task === undefined) return topLevel ??= new Context();
  const found = taskContexts.get(task);
  if (found instanceof Context) return found;
  const context = found === undefined ? new Context() : withMapping(found);
  taskContexts.set(task, context);
  return context;
}

/** The current context's values. */
function currentMapping(): Mapping {
  if (entered !== undefined) return entered[MAPPING];
  const task = runningTask();
  if (task === undefined) return topLevel?.[MAPPING] ?? EMPTY;
  const context = taskContexts.get(task);
  if (context === undefined) return EMPTY;
  return context instanceof Context ? context[MAPPING] : context;
}

// The key of a context's mapping, which only this module reads and writes.
const MAPPING: unique symbol = Symbol("mapping");

// Whether a context was ever made: until then every context is empty, and
// a new task needs no record.
let contextsMade = false;

/** What a new task does with contexts (called by _runtime.ts). */
function onNewTask(task: RuntimeTask, context: unknown): void {
  if (context === undefined && !contextsMade) return;
  if (context !== undefined) {
    if (!(context instanceof Context)) {
      throw argumentError("Task", "options.context", "a Context", context);
    }
    taskContexts.set(task, context);
    return;
  }
  const mapping = currentMapping();
  // An empty context needs no record: a task without one starts empty.
  if (mapping.size !== 0) taskContexts.set(task, mapping);
}

/** A context with these values. */
function withMapping(mapping: Mapping): Context {
  const context = new Context();
  context[MAPPING] = mapping;
  return context;
}

function checkVar(method: string, value: unknown): void {
  if (!(value instanceof ContextVar)) {
    throw argumentError(method, "var", "a ContextVar", value);
  }
}

/**
 * A mapping from {@linkcode ContextVar}s to values, as Python's
 * `contextvars.Context`: what a task runs in, and what
 * {@linkcode copyContext} copies.
 *
 * It is read-only as a mapping (`get`, `has`, `keys`, `values`, `entries`,
 * `size`, and iterating yields the variables, as Python's `iter(ctx)`);
 * variables change it only while it is the current context, through
 * {@linkcode ContextVar.set} in code that {@linkcode Context.run} or a task
 * running in it runs.
 *
 * @example Running code in a copy of the current context
 * ```ts
 * import { ContextVar, copyContext } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const user = new ContextVar<string>("user", { default: "nobody" });
 * const context = copyContext();
 * context.run(() => user.set("ada"));
 * assert.equal(user.get(), "nobody");
 * assert.equal(context.get(user), "ada");
 * assert.equal(context.run(() => user.get()), "ada");
 * ```
 */
export class Context implements Iterable<ContextVar<unknown>> {
  /** @ignore The values; replaced, never changed, when a variable is set. */
  [MAPPING]: Mapping;
  #entered = false;

  /** Creates an empty context, as `contextvars.Context()`. */
  constructor() {
    this[MAPPING] = EMPTY;
    contextsMade = true;
  }

  /**
   * Calls `fn(...args)` in this context, as Python's `Context.run()`: the
   * variables that `fn` sets change this context, and the context that was
   * current before is current again when `fn` returns or throws.
   *
   * The context is current for the synchronous part of `fn`: if `fn` is an
   * `async` function, its code after its first `await` runs in the context
   * of the task it belongs to. To run asynchronous code in a context, create
   * a task with the `context` option ({@linkcode EventLoop.createTask}).
   *
   * @typeParam A The arguments.
   * @typeParam R The result.
   * @param fn The function to call.
   * @param args Its arguments.
   * @returns What `fn` returns.
   * @throws {Error} If the context is already entered: a call of `run()` on
   * it has not returned yet, or it is the context of the task whose code
   * calls.
   */
  run<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): R {
    if (this.#entered || this === currentIfMade()) {
      throw new Error(
        `Context.run() cannot run code in ${this}: it is already running code (a run() of it has not returned, or it is the current task's context)`,
      );
    }
    const saved = entered;
    entered = this;
    this.#entered = true;
    try {
      return fn(...args);
    } finally {
      this.#entered = false;
      entered = saved;
    }
  }

  /**
   * A shallow copy of the context, as `Context.copy()`: a new context with
   * the same values, which changes independently of this one.
   *
   * @returns The copy.
   */
  copy(): Context {
    return withMapping(this[MAPPING]);
  }

  /**
   * The value of `variable` in this context.
   *
   * @typeParam T The variable's type.
   * @param variable The variable.
   * @param defaultValue What to return if the context has no value for it.
   * @returns Its value, else `defaultValue` (`undefined` if not given). The
   * variable's own default does not count, as in Python.
   * @throws {TypeError} If `variable` is not a {@linkcode ContextVar}.
   */
  get<T>(variable: ContextVar<T>, defaultValue?: T): T | undefined {
    checkVar("Context.get", variable);
    const mapping = this[MAPPING];
    return mapping.has(variable as ContextVar<unknown>)
      ? mapping.get(variable as ContextVar<unknown>) as T
      : defaultValue;
  }

  /**
   * Whether the context has a value for `variable`, Python's `var in ctx`.
   *
   * @param variable The variable.
   * @returns `true` if the context has a value for it.
   * @throws {TypeError} If `variable` is not a {@linkcode ContextVar}.
   */
  has(variable: ContextVar<unknown>): boolean {
    checkVar("Context.has", variable);
    return this[MAPPING].has(variable);
  }

  /**
   * The number of variables that have a value in the context, `len(ctx)`.
   *
   * @returns The count.
   */
  get size(): number {
    return this[MAPPING].size;
  }

  /**
   * The variables that have a value in the context.
   *
   * @returns An iterator of them, in the order they were first set.
   */
  keys(): IterableIterator<ContextVar<unknown>> {
    return this[MAPPING].keys();
  }

  /**
   * The values of the context's variables.
   *
   * @returns An iterator of them.
   */
  values(): IterableIterator<unknown> {
    return this[MAPPING].values();
  }

  /**
   * The context's variables with their values.
   *
   * @returns An iterator of `[variable, value]` pairs.
   */
  entries(): IterableIterator<[ContextVar<unknown>, unknown]> {
    return this[MAPPING].entries();
  }

  /**
   * The variables that have a value in the context, as iterating Python's
   * `Context` yields them.
   *
   * @returns An iterator of them.
   */
  [Symbol.iterator](): IterableIterator<ContextVar<unknown>> {
    return this.keys();
  }

  /**
   * Formats the context as Python's `repr()` does, without the address:
   * `<Context object>`.
   *
   * @returns The formatted context.
   */
  toString(): string {
    return "<Context object>";
  }
}

/**
 * The `context` option of {@linkcode Task}, {@linkcode EventLoop.createTask},
 * {@linkcode createTask} and {@linkcode TaskGroup.createTask}, as asyncio
 * 3.11's `context=` keyword.
 */
export interface TaskContextOption {
  /**
   * The context the task runs in, itself (not a copy): the variables the
   * task's code sets change it. By default, a copy of the context current
   * when the task is created ({@linkcode copyContext}).
   */
  context?: Context | undefined;
}

/** Options for the {@linkcode ContextVar} constructor. */
export interface ContextVarOptions<T> {
  /**
   * The value of {@linkcode ContextVar.get} in a context that has none for
   * the variable (given as a key, even if `undefined`).
   */
  default?: T;
}

/**
 * A context variable, as Python's `contextvars.ContextVar`: a value that
 * each context holds for itself, so that each task reads its own.
 *
 * Create variables once, at the top of a module: contexts hold the
 * variables they have values for, so they are not garbage collected while
 * any context is.
 *
 * @typeParam T The type of the value.
 *
 * @example Each task sees its own value
 * ```ts
 * import { ContextVar, createTask, run, sleep } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const requestId = new ContextVar<number>("requestId");
 *
 * async function handle(id: number): Promise<string> {
 *   requestId.set(id);
 *   await sleep(0.01 * (3 - id));
 *   return `request ${requestId.get()}`;
 * }
 *
 * const results = await run(async () => {
 *   const tasks = [1, 2].map((id) => createTask(() => handle(id)));
 *   return [await tasks[0]!, await tasks[1]!];
 * });
 * assert.deepEqual(results, ["request 1", "request 2"]);
 * assert.equal(requestId.get(0), 0); // not set outside the tasks
 * ```
 */
export class ContextVar<T> {
  #name: string;
  #hasDefault: boolean;
  #default: T | undefined;

  /**
   * Creates a context variable.
   *
   * @param name The variable's name, for its `toString()` and errors.
   * @param options The value of {@linkcode ContextVar.get} where the
   * variable has none.
   * @throws {TypeError} If `name` is not a string or `options` not an
   * object.
   */
  constructor(name: string, options: ContextVarOptions<T> = {}) {
    if (typeof name !== "string") {
      throw argumentError("ContextVar", "name", "a string", name);
    }
    checkOptions("ContextVar", ["default"], options);
    this.#name = name;
    this.#hasDefault = "default" in options;
    this.#default = options.default;
  }

  /**
   * The variable's name.
   *
   * @returns The name given to the constructor.
   */
  get name(): string {
    return this.#name;
  }

  /**
   * The variable's value in the current context.
   *
   * @param defaultValue What to return if the context has no value for the
   * variable (when passed, even as `undefined`); the variable's default
   * otherwise.
   * @returns The value, else `defaultValue`, else the variable's default.
   * @throws {LookupError} If the context has no value, and there is no
   * default.
   *
   * @example Usage
   * ```ts
   * import { ContextVar, LookupError } from "asyncio-ts";
   * import assert from "node:assert/strict";
   *
   * const level = new ContextVar<number>("level");
   * assert.throws(() => level.get(), LookupError);
   * assert.equal(level.get(1), 1);
   * level.set(2);
   * assert.equal(level.get(1), 2);
   * ```
   */
  get(defaultValue?: T): T {
    const mapping = currentMapping();
    const key = this as ContextVar<unknown>;
    if (mapping.has(key)) return mapping.get(key) as T;
    if (arguments.length > 0) return defaultValue as T;
    if (this.#hasDefault) return this.#default as T;
    throw new LookupError(String(this));
  }

  /**
   * Sets the variable's value in the current context.
   *
   * @param value The new value.
   * @returns A token that {@linkcode ContextVar.reset} takes to restore the
   * value the variable had before.
   */
  set(value: T): Token<T> {
    const context = currentContext();
    const mapping = context[MAPPING];
    const key = this as ContextVar<unknown>;
    const old = mapping.has(key) ? mapping.get(key) as T : Token.MISSING;
    context[MAPPING] = new Map(mapping).set(key, value);
    return newToken(context, this, old);
  }

  /**
   * Restores the value the variable had in the current context before the
   * {@linkcode ContextVar.set} that returned `token` (or removes it, if it
   * had none).
   *
   * @param token What `set()` returned, in the same context.
   * @throws {Error} If the token was used already.
   * @throws {RangeError} If the token was created by another variable, or
   * in another context (asyncio's `ValueError`).
   * @throws {TypeError} If `token` is not a {@linkcode Token}.
   *
   * @example Usage
   * ```ts
   * import { ContextVar } from "asyncio-ts";
   * import assert from "node:assert/strict";
   *
   * const indent = new ContextVar("indent", { default: 0 });
   * const token = indent.set(4);
   * assert.equal(indent.get(), 4);
   * indent.reset(token);
   * assert.equal(indent.get(), 0);
   * ```
   */
  reset(token: Token<T>): void {
    if (!(token instanceof Token)) {
      throw argumentError("ContextVar.reset", "token", "a Token", token);
    }
    if (token[MADE_IN] === null) {
      throw new Error(`${token} has already been used once`);
    }
    if (token.var !== this) {
      throw new RangeError(`${token} was created by a different ContextVar`);
    }
    const context = currentIfMade();
    if (context === undefined || token[MADE_IN] !== context) {
      throw new RangeError(`${token} was created in a different Context`);
    }
    const key = this as ContextVar<unknown>;
    const mapping = new Map(context[MAPPING]);
    if (token.oldValue === Token.MISSING) mapping.delete(key);
    else mapping.set(key, token.oldValue);
    context[MAPPING] = mapping.size === 0 ? EMPTY : mapping;
    token[MADE_IN] = null;
  }

  /**
   * Formats the variable as Python's `repr()` does, without the address:
   * `<ContextVar name='user' default='nobody'>`.
   *
   * @returns The formatted variable.
   */
  toString(): string {
    const fallback = this.#hasDefault ? ` default=${repr(this.#default)}` : "";
    return `<ContextVar name=${repr(this.#name)}${fallback}>`;
  }
}

let newToken: <T>(
  context: Context,
  variable: ContextVar<T>,
  old: T | typeof Token.MISSING,
) => Token<T>;
// Whether ContextVar.set() is making a token (nobody else may).
let making = false;
// The key of the context a token was made in; `null` once it was used.
const MADE_IN: unique symbol = Symbol("made in");

/**
 * What {@linkcode ContextVar.set} returns, as Python's `contextvars.Token`:
 * {@linkcode ContextVar.reset} takes it, once, in the same context, to
 * restore the value the variable had before.
 *
 * @typeParam T The variable's type.
 */
export class Token<T> {
  /**
   * The marker of {@linkcode Token.oldValue} when the variable had no value
   * in the context before the `set()`.
   */
  static readonly MISSING: unique symbol = Symbol("Token.MISSING");

  /** The variable whose `set()` returned the token. */
  readonly var: ContextVar<T>;
  /**
   * The variable's value before the `set()`, or {@linkcode Token.MISSING} if
   * it had none.
   */
  readonly oldValue: T | typeof Token.MISSING;
  /** @ignore The context the token was made in; `null` once used. */
  [MADE_IN]: Context | null;

  static {
    newToken = (context, variable, old) => {
      making = true;
      try {
        return new Token(context, variable, old);
      } finally {
        making = false;
      }
    };
  }

  /** Tokens come from {@linkcode ContextVar.set} only. */
  private constructor(
    context: Context,
    variable: ContextVar<T>,
    oldValue: T | typeof Token.MISSING,
  ) {
    if (!making) {
      throw new TypeError("Tokens can only be created by ContextVar.set()");
    }
    this[MADE_IN] = context;
    this.var = variable;
    this.oldValue = oldValue;
  }

  /**
   * Formats the token as Python's `repr()` does, without the addresses:
   * `<Token var=<ContextVar name='user'>>`, with `used` once reset.
   *
   * @returns The formatted token.
   */
  toString(): string {
    return `<Token${this[MADE_IN] === null ? " used" : ""} var=${this.var}>`;
  }
}

/**
 * A copy of the current context, as Python's `contextvars.copy_context()`:
 * in a task, of the task's context; in code that {@linkcode Context.run}
 * runs, of that context; elsewhere, of the top-level context.
 *
 * @returns The copy.
 *
 * @example Usage
 * ```ts
 * import { ContextVar, copyContext } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const color = new ContextVar<string>("color");
 * color.set("red");
 * const context = copyContext();
 * color.set("blue");
 * assert.equal(context.get(color), "red");
 * assert.deepEqual([...context.keys()], [color]);
 * ```
 */
export function copyContext(): Context {
  return withMapping(currentMapping());
}

setNewTaskHook(onNewTask);
for (const prototype of [Context, ContextVar, Token]) {
  inspectAsString(prototype.prototype);
}
