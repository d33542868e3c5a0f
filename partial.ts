/**
 * {@linkcode partial}, a port of Python's `functools.partial`, with
 * {@linkcode kw} for Python's keyword arguments.
 *
 * Python passes keyword arguments by name; the TypeScript form of a keyword
 * argument is a trailing options object. `partial(callback, kw({ n: 1 }))`
 * is Python's `functools.partial(callback, n=1)`: the bound keywords are
 * passed as one object after all positional arguments, so
 * `callback(future, { n })` receives `{ n: 1 }` as its last parameter.
 *
 * @module
 */

import { argumentError, checkFunction } from "./_validate.ts";
import { repr } from "./repr.ts";

/** Any function, as the constraint of {@linkcode partial}. */
// deno-lint-ignore no-explicit-any
export type AnyFunction = (...args: any[]) => unknown;

/**
 * Keyword arguments for {@linkcode partial}, made by {@linkcode kw}.
 *
 * @typeParam K The shape of the options object that the function takes last.
 */
export class Keywords<K extends object> {
  /** The keyword arguments by name. */
  readonly values: Readonly<K>;

  /**
   * Wraps keyword arguments. Prefer {@linkcode kw}.
   *
   * @param values The keyword arguments by name.
   * @throws {TypeError} If `values` is not an object of keyword arguments.
   */
  constructor(values: K) {
    checkKeywords("Keywords", values);
    this.values = Object.freeze({ ...values });
  }
}

/**
 * Marks an object as keyword arguments for {@linkcode partial}, as Python's
 * `name=value` syntax does.
 *
 * @typeParam K The shape of the options object.
 * @param values The keyword arguments by name.
 * @returns The keywords, to pass as the last argument of `partial()` or of
 * the partial function.
 * @throws {TypeError} If `values` is not an object of keyword arguments.
 *
 * @example Usage
 * ```ts
 * import { kw, partial } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * function greet(name: string, { punctuation }: { punctuation: string }) {
 *   return `hello ${name}${punctuation}`;
 * }
 * const shout = partial(greet, kw({ punctuation: "!" }));
 * assert.equal(shout("world"), "hello world!");
 * assert.deepEqual(shout.keywords, { punctuation: "!" });
 * ```
 */
export function kw<K extends object>(values: K): Keywords<K> {
  checkKeywords("kw", values);
  return new Keywords(values);
}

function checkKeywords(method: string, values: unknown): void {
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    throw argumentError(
      method,
      "values",
      "an object of keyword arguments",
      values,
    );
  }
}

/**
 * The callable that {@linkcode partial} returns, with Python's `.func`,
 * `.args` and `.keywords`.
 *
 * @typeParam A The parameters still to be given.
 * @typeParam R The return type of the wrapped function.
 * @typeParam K The options object that the bound keywords fill, if
 * keywords were bound; a call may then add or override some of them.
 */
export interface PartialFunction<
  A extends unknown[],
  R,
  K extends object = never,
> {
  /**
   * Calls `func(...args, ...more)` with the bound keywords, updated for
   * this call only by the trailing `kw({...})`.
   */
  (...more: [...A, Keywords<Partial<K>>]): R;
  /** Calls `func(...args, ...more)`, then the keywords if there are any. */
  (...more: A): R;
  /** The wrapped function (never itself a partial: partials flatten). */
  readonly func: AnyFunction;
  /** The bound positional arguments. */
  readonly args: readonly unknown[];
  /** The bound keyword arguments; empty when none were given. */
  readonly keywords: Readonly<Record<string, unknown>>;
}

/**
 * The parameters of a function with keywords, less its final options. The
 * options may be optional (`{ n = 0 }: { n?: number } = {}`, Python's
 * `n=0`).
 */
export type PositionalParameters<F extends AnyFunction> =
  Required<Parameters<F>> extends [...infer I, unknown] ? I : [];
/** The options object that a function with keywords takes last. */
export type KeywordParameter<F extends AnyFunction> =
  Required<Parameters<F>> extends [...unknown[], infer L extends object] ? L
    : never;
/** The prefixes of a parameter list, which {@linkcode partial} can bind. */
export type ParameterPrefix<P extends unknown[]> = P extends [] ? []
  : P extends [...infer I, unknown] ? P | ParameterPrefix<I>
  : P;
/**
 * The parameters left after the prefix `B` is bound: `P` less as many
 * leading parameters as `B` has (their types were checked against `B`
 * already, and may be wider than the bound values, such as `unknown`).
 */
export type RemainingParameters<P extends unknown[], B extends unknown[]> =
  B extends [unknown, ...infer BRest]
    ? P extends [unknown?, ...infer PRest] ? RemainingParameters<PRest, BRest>
    : []
    : P;

const PARTIAL = Symbol("asyncio-ts.partial");

interface PartialState {
  func: AnyFunction;
  args: readonly unknown[];
  keywords: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Binds more arguments and keywords to a partial made with keywords, as
 * Python's `functools.partial(p, *args, **keywords)`: the result is one
 * flat partial of the original function, whose keywords are the old ones
 * updated by the new.
 *
 * @typeParam A The parameters the partial still takes.
 * @typeParam R The return type.
 * @typeParam K The options object of the original function.
 * @typeParam B The positional arguments to bind.
 * @typeParam KW The keyword arguments to bind or override.
 * @param func A partial made with keywords.
 * @param args The positional arguments to bind, then `kw({...})`.
 * @returns The partial function, with `.func`, `.args` and `.keywords`.
 */
export function partial<
  A extends unknown[],
  R,
  K extends object,
  B extends ParameterPrefix<A>,
  KW extends Partial<K> = Partial<K>,
>(
  func: PartialFunction<A, R, K>,
  ...args: [...B, Keywords<KW>]
): PartialFunction<RemainingParameters<A, B>, R, K>;
/**
 * Returns a function that calls `func` with `args` before the arguments it
 * is given, as Python's `functools.partial` does.
 *
 * Keyword arguments are bound with {@linkcode kw} as the last argument:
 * `partial(callback, kw({ n: 1 }))` is Python's
 * `functools.partial(callback, n=1)`. The bound keywords reach `func` as one
 * options object after all positional arguments; a call may add or override
 * keywords by passing `kw({...})` last. A partial of a partial flattens into
 * one, as in Python. TypeScript infers the parameters that remain.
 *
 * @typeParam F The function to wrap.
 * @typeParam B The bound positional arguments.
 * @typeParam KW The bound keyword arguments.
 * @param func The function to call.
 * @param args The positional arguments to bind, then optionally `kw({...})`.
 * @returns The partial function, with `.func`, `.args` and `.keywords`.
 * @throws {TypeError} If `func` is not a function.
 *
 * @example Binding positional arguments
 * ```ts
 * import { partial } from "asyncio-ts";
 * import assert from "node:assert/strict";
 *
 * const add = (a: number, b: number, c: number) => a + b + c;
 * const addOneTwo = partial(partial(add, 1), 2);
 * assert.equal(addOneTwo(3), 6);
 * assert.equal(addOneTwo.func, add);
 * assert.deepEqual(addOneTwo.args, [1, 2]);
 * ```
 */
export function partial<
  F extends AnyFunction,
  B extends ParameterPrefix<PositionalParameters<F>>,
  KW extends KeywordParameter<F> = KeywordParameter<F>,
>(
  func: F,
  ...args: [...B, Keywords<KW>]
): PartialFunction<
  RemainingParameters<PositionalParameters<F>, B>,
  ReturnType<F>,
  KeywordParameter<F>
>;
/**
 * Returns a function that calls `func` with `args` before the arguments it
 * is given, as Python's `functools.partial` does.
 *
 * @typeParam B The bound arguments.
 * @typeParam R The parameters that remain.
 * @typeParam T The return type.
 * @param func The function to call.
 * @param args The arguments to bind.
 * @returns The partial function, with `.func`, `.args` and `.keywords`.
 */
export function partial<B extends unknown[], R extends unknown[], T>(
  func: (...args: [...B, ...R]) => T,
  ...args: B
): PartialFunction<R, T>;
export function partial(
  func: AnyFunction,
  ...args: unknown[]
): PartialFunction<unknown[], unknown> {
  checkFunction("partial", "func", func);
  let keywords: Record<string, unknown> | undefined;
  const last = args[args.length - 1];
  if (last instanceof Keywords) {
    keywords = { ...last.values };
    args = args.slice(0, -1);
  }
  const inner = (func as { [PARTIAL]?: PartialState })[PARTIAL];
  if (inner !== undefined) {
    func = inner.func;
    args = [...inner.args, ...args];
    if (inner.keywords !== undefined) {
      keywords = { ...inner.keywords, ...keywords };
    }
  }
  const target = func;
  const bound = Object.freeze(args);
  const boundKeywords = keywords === undefined
    ? undefined
    : Object.freeze(keywords);
  const state: PartialState = {
    func: target,
    args: bound,
    keywords: boundKeywords,
  };
  const call = function (this: unknown, ...more: unknown[]): unknown {
    let keywordsNow = boundKeywords;
    const extra = more[more.length - 1];
    if (extra instanceof Keywords) {
      keywordsNow = { ...boundKeywords, ...extra.values };
      more = more.slice(0, -1);
    }
    return keywordsNow === undefined
      ? target.call(this, ...bound, ...more)
      : target.call(this, ...bound, ...more, keywordsNow);
  };
  Object.defineProperties(call, {
    [PARTIAL]: { value: state },
    name: { value: target.name },
    func: { value: target, enumerable: true },
    args: { value: bound, enumerable: true },
    keywords: { value: boundKeywords ?? Object.freeze({}), enumerable: true },
    toString: { value: () => formatPartial(state) },
  });
  return call as unknown as PartialFunction<unknown[], unknown>;
}

/**
 * Formats a callback as asyncio does in handle and future reprs: the name,
 * with a partial's bound arguments, such as `callback(n=1)`.
 */
export function formatCallback(
  callback: AnyFunction,
  reprArg: (value: unknown) => string,
): string {
  const state = (callback as { [PARTIAL]?: PartialState })[PARTIAL];
  if (state === undefined) return callback.name || "<anonymous>";
  const parts = state.args.map(reprArg);
  for (const [key, value] of Object.entries(state.keywords ?? {})) {
    parts.push(`${key}=${reprArg(value)}`);
  }
  return `${state.func.name || "<anonymous>"}(${parts.join(", ")})`;
}

function formatPartial(state: PartialState): string {
  const parts = state.args.map(repr);
  for (const [key, value] of Object.entries(state.keywords ?? {})) {
    parts.push(`${key}=${repr(value)}`);
  }
  return `functools.partial(${state.func.name || "<anonymous>"}${
    parts.length ? ", " + parts.join(", ") : ""
  })`;
}
