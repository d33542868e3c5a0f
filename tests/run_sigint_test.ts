// run() and Ctrl-C: real SIGINTs sent to a real child process
// (tests/_sigint_child.ts, in Deno; its build, under Node.js). POSIX signals
// only: skipped on Windows. Timeouts are failsafes, never asserted.
//
// Signals go through `process.kill(pid, ...)`, not `child.kill(...)`: Deno's
// node:child_process (2.9.6) sends only the first signal a ChildProcess is
// given (denoland/deno#36643) and then reports that signal as the way the
// child ended, whatever its real exit status was.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import process from "node:process";

const CHILD = fileURLToPath(
  new URL(
    "./_sigint_child" + (import.meta.url.endsWith(".ts") ? ".ts" : ".js"),
    import.meta.url,
  ),
);
const FAILSAFE_MS = 30_000;

function command(mode: string): [string, string[]] {
  const deno = (globalThis as {
    Deno?: { execPath?: () => string };
  }).Deno;
  if (typeof deno?.execPath === "function") {
    return [deno.execPath(), ["run", "-A", CHILD, mode]];
  }
  return [process.execPath, [CHILD, mode]];
}

/** A running child, its output so far, and a way to wait for a line. */
class Child {
  readonly process: ChildProcess;
  stdout = "";
  stderr = "";
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
  #waiters: { line: string; resolve: () => void }[] = [];
  #timer: ReturnType<typeof setTimeout>;

  constructor(mode: string) {
    const [cmd, args] = command(mode);
    this.process = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    this.process.stdout!.setEncoding("utf8");
    this.process.stderr!.setEncoding("utf8");
    this.process.stdout!.on("data", (chunk: string) => {
      this.stdout += chunk;
      this.#check();
    });
    this.process.stderr!.on("data", (chunk: string) => {
      this.stderr += chunk;
    });
    this.#timer = setTimeout(() => this.signal("SIGKILL"), FAILSAFE_MS);
    this.exited = new Promise((resolve) => {
      this.process.on("close", (code, signal) => {
        clearTimeout(this.#timer);
        for (const waiter of this.#waiters) waiter.resolve();
        resolve({ code, signal });
      });
    });
  }

  /** Sends `signal` to the child. */
  signal(signal: "SIGINT" | "SIGKILL"): void {
    process.kill(this.process.pid!, signal);
  }

  get lines(): string[] {
    return this.stdout.split("\n").filter((line) => line !== "");
  }

  /** Resolves once `line` was printed (or the child ended). */
  printed(line: string): Promise<void> {
    return new Promise((resolve) => {
      this.#waiters.push({ line, resolve });
      this.#check();
    });
  }

  #check(): void {
    const lines = this.lines;
    this.#waiters = this.#waiters.filter((waiter) => {
      if (!lines.includes(waiter.line)) return true;
      waiter.resolve();
      return false;
    });
  }

  /** Waits for `line`, failing with the output so far if it never came. */
  async expect(line: string): Promise<void> {
    await this.printed(line);
    assert.ok(
      this.lines.includes(line),
      `expected "${line}"; stdout ${JSON.stringify(this.stdout)}, ` +
        `stderr ${JSON.stringify(this.stderr)}`,
    );
  }
}

const ignore = process.platform === "win32";

/** Starts the child in `mode`, sends one SIGINT once it is ready, and waits. */
async function interruptOnce(mode: string) {
  const child = new Child(mode);
  await child.expect("ready");
  child.signal("SIGINT");
  const { code, signal } = await child.exited;
  return { child, code, signal };
}

Deno.test({
  name:
    "run(): the first SIGINT cancels main, whose finally runs, and run() throws KeyboardInterrupt",
  ignore,
}, async () => {
  const { child, code, signal } = await interruptOnce("cleanup");
  assert.deepEqual(child.lines, [
    "ready",
    "cleanup",
    "background CancelledError",
    "KeyboardInterrupt: run() was interrupted by SIGINT (Ctrl-C) " +
    "(cause CancelledError)",
  ], child.stderr);
  assert.deepEqual({ code, signal }, { code: 130, signal: null });
});

Deno.test({
  name: "run(): a second SIGINT during cleanup ends the process with code 130",
  ignore,
}, async () => {
  const child = new Child("stuck");
  await child.expect("ready");
  child.signal("SIGINT");
  await child.expect("cleanup started");
  child.signal("SIGINT");
  const { code, signal } = await child.exited;
  assert.deepEqual(child.lines, ["ready", "cleanup started"], child.stderr);
  assert.deepEqual({ code, signal }, { code: 130, signal: null });
});

Deno.test({
  name:
    "run(): a main that catches the cancellation and returns gives its result, no KeyboardInterrupt",
  ignore,
}, async () => {
  const { child, code, signal } = await interruptOnce("caught");
  assert.deepEqual(child.lines, ["ready", "resolved caught"], child.stderr);
  assert.deepEqual({ code, signal }, { code: 0, signal: null });
});

Deno.test({
  name:
    "run(): a main cancelled once more besides the SIGINT ends in CancelledError, as uncancel() is not 0",
  ignore,
}, async () => {
  const { child, code, signal } = await interruptOnce("twice");
  assert.deepEqual(
    child.lines,
    ["ready", "rejected CancelledError"],
    child.stderr,
  );
  assert.deepEqual({ code, signal }, { code: 3, signal: null });
});

Deno.test({
  name:
    "run(): once run() has returned, SIGINT has the host's default effect (its listener is gone)",
  ignore,
}, async () => {
  const { child, code, signal } = await interruptOnce("after");
  assert.deepEqual(child.lines, ["resolved done", "ready"], child.stderr);
  assert.deepEqual({ code, signal }, { code: null, signal: "SIGINT" });
});
