// The Future state machine: what result(), exception() and the setters raise
// in each state, and their messages.
import { newLoop } from "../_loop.ts";
import { print, pyRepr, str, typeName, ValueError } from "../_py.ts";

const loop = newLoop();

function attempt(label: string, fn: () => unknown): void {
  let value: unknown;
  try {
    value = fn();
  } catch (e) {
    print(`${label}: ${typeName(e)}: ${pyRepr(str(e))}`);
    return;
  }
  print(`${label}: returned ${pyRepr(value)}`);
}

const pending = loop.createFuture<string>();
print("pending: done", pending.done(), "cancelled", pending.cancelled());
attempt("pending.result()", () => pending.result());
attempt("pending.exception()", () => pending.exception());

const finished = loop.createFuture<string>();
finished.setResult("value");
print("finished: done", finished.done(), "cancelled", finished.cancelled());
attempt("finished.result()", () => finished.result());
attempt("finished.exception()", () => finished.exception());
attempt("finished.set_result()", () => finished.setResult("again"));
attempt(
  "finished.set_exception()",
  () => finished.setException(new ValueError("x")),
);

const failed = loop.createFuture<string>();
failed.setException(new ValueError("boom"));
attempt("failed.result()", () => failed.result());
attempt("failed.exception()", () => failed.exception());
attempt("failed.set_result()", () => failed.setResult("late"));

const cancelled = loop.createFuture<number>();
cancelled.cancel();
print("cancelled: done", cancelled.done(), "cancelled", cancelled.cancelled());
attempt("cancelled.result()", () => cancelled.result());
attempt("cancelled.exception()", () => cancelled.exception());
attempt("cancelled.set_result()", () => cancelled.setResult(1));
attempt(
  "cancelled.set_exception()",
  () => cancelled.setException(new ValueError("y")),
);

const withMsg = loop.createFuture<number>();
withMsg.cancel("why");
attempt("with_msg.result()", () => withMsg.result());
attempt("with_msg.exception()", () => withMsg.exception());

const noneResult = loop.createFuture<null>();
noneResult.setResult(null);
attempt("none_result.result()", () => noneResult.result());
attempt("none_result.exception()", () => noneResult.exception());
loop.close();
