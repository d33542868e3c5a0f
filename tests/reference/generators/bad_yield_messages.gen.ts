// Two bad yields that asyncio words specially: a future of another loop
// yielded bare is reported as attached to a different loop (the loop is
// checked before how the future was yielded), and a generator yielded
// instead of delegated to is reported as `yield` used instead of
// `yield from` for a generator. (Generator tasks: types.coroutine gives
// the Python side raw yields.)
import { run } from "../../../mod.ts";
import { clock, newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

function message(e: unknown): string {
  if (!(e instanceof Error)) throw e;
  return e.message;
}

function* gen(): Generator<unknown, void> {}

function* main(): Generator<unknown, void> {
  const other = newLoop();
  try {
    yield other.createFuture();
  } catch (e) {
    print(
      "bare future of another loop:",
      message(e).endsWith("attached to a different loop"),
    );
  }
  other.close();
  try {
    yield gen();
  } catch (e) {
    print("generator yielded:", message(e).includes("for generator in task"));
  }
}

await run(main, { clock });
