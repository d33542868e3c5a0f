// Tokens: set() returns one with the old value (Token.MISSING when there
// was none); reset() restores it once, only in the context it was made in
// and only by its own variable. asyncio's RuntimeError is an Error here,
// its ValueError a RangeError.
import {
  ContextVar,
  copyContext,
  createTask,
  run,
  Token,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const v = new ContextVar<number | string>("v");
const w = new ContextVar("w", { default: "w-default" });

/** Python's name for the error this library throws. */
const PYTHON_NAMES: Record<string, string> = {
  Error: "RuntimeError",
  RangeError: "ValueError",
};

function attempt(label: string, fn: () => unknown): void {
  try {
    fn();
    print(label, "ok");
  } catch (e) {
    const name = e instanceof Error ? e.name : typeof e;
    print(label, PYTHON_NAMES[name] ?? name);
  }
}

// deno-lint-ignore require-await
async function otherTask(token: Token<number | string>) {
  attempt("reset in another task:", () => v.reset(token));
  const t = v.set("in task");
  return t;
}

async function main(): Promise<void> {
  const t1 = v.set(1);
  print(
    "t1.var is v:",
    t1.var === v,
    "old is MISSING:",
    t1.oldValue === Token.MISSING,
  );
  const t2 = v.set(2);
  print("t2.old_value:", t2.oldValue, "v =", v.get());
  attempt("reset t2 by w:", () => w.reset(t2 as unknown as Token<string>));
  const taskToken = await createTask(() => otherTask(t2));
  attempt("reset the task's token here:", () => v.reset(taskToken));
  v.reset(t2);
  print("after reset t2: v =", v.get());
  attempt("reset t2 again:", () => v.reset(t2));
  v.reset(t1);
  print(
    "after reset t1: v =",
    v.get(undefined),
    "in context:",
    copyContext().has(v),
  );
  const tw = w.set("w1");
  w.reset(tw);
  print("w after reset:", w.get());
  attempt("get() of an unset variable:", () => v.get());
}

await run(main, { clock });
