/**
 * Listening for SIGINT (Ctrl-C) where the host has signals, for
 * {@linkcode Runner.run} (CPython's `Runner._on_sigint`). Not exported from
 * mod.ts.
 *
 * @module
 */

/** The parts of Deno's and Node.js's globals that SIGINT handling uses. */
interface SignalHosts {
  Deno?: {
    addSignalListener?(signal: "SIGINT", handler: () => void): void;
    removeSignalListener?(signal: "SIGINT", handler: () => void): void;
    exit?(code: number): never;
    version?: { deno?: unknown };
  };
  process?: {
    on?(event: "SIGINT", listener: () => void): unknown;
    off?(event: "SIGINT", listener: () => void): unknown;
    listenerCount?(event: "SIGINT"): number;
    exit?(code: number): never;
  };
}

/**
 * Listens for SIGINT with `listener` where the host has signals; returns
 * what removes it, or `undefined` if nothing was installed (a browser, a
 * Node.js program with SIGINT listeners of its own, as asyncio leaves a
 * handler other than Python's default alone, or a host that refused).
 */
export function addSigintListener(
  listener: () => void,
): (() => void) | undefined {
  const hosts = globalThis as SignalHosts;
  try {
    // Deno first, and Node.js's `process` only outside Deno: in Deno, the
    // first read of `globalThis.process` loads the Node.js compatibility
    // layer (~25 ms).
    const { Deno } = hosts;
    if (
      typeof Deno?.addSignalListener === "function" &&
      typeof Deno.removeSignalListener === "function"
    ) {
      Deno.addSignalListener("SIGINT", listener);
      return () => Deno.removeSignalListener!("SIGINT", listener);
    }
    if (isDeno(Deno)) return undefined;
    const { process } = hosts;
    if (
      typeof process?.on === "function" &&
      typeof process.off === "function" &&
      typeof process.listenerCount === "function"
    ) {
      if (process.listenerCount("SIGINT") > 0) return undefined;
      process.on("SIGINT", listener);
      return () => void process.off!("SIGINT", listener);
    }
  } catch {
    // asyncio, too, goes without when signal.signal() refuses (gh-91880).
  }
  return undefined;
}

/** Deno itself, not a `Deno` global that a test shim on Node.js defines. */
function isDeno(deno: SignalHosts["Deno"]): boolean {
  return typeof deno?.version?.deno === "string";
}

/** Ends the process with `code` (only called where a listener was added). */
export function exitHost(code: number): void {
  const hosts = globalThis as SignalHosts;
  if (isDeno(hosts.Deno)) hosts.Deno!.exit?.(code);
  else hosts.process?.exit?.(code);
}
