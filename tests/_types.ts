/**
 * Type-level assertions for the type tests, as std's `testing/types.ts`
 * (which is on JSR, out of reach here): `assertType<IsExact<A, B>>(true)`
 * fails to compile unless `A` and `B` are the same type.
 *
 * @module
 */

/** `true` if `A` and `B` are the same type, else `false`. */
export type IsExact<A, B> = (<T>() => T extends A ? 1 : 2) extends
  (<T>() => T extends B ? 1 : 2) ? true : false;

/** Compiles only when its argument's type is `T`: `assertType<IsExact<A, B>>(true)`. */
export function assertType<T extends boolean>(_expectTrue: T): void {}
