// Context objects: copyContext() snapshots, Context.run() nests and
// refuses a context that is already entered, and tasks created with the
// context option (asyncio 3.11's context=) run in that very context and
// share its changes.
import {
  Context,
  ContextVar,
  copyContext,
  createTask,
  gather,
  run,
  sleep,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const color = new ContextVar("color", { default: "none" });

function show(label: string): void {
  print(label, color.get());
}

async function painter(name: string, delay: number): Promise<void> {
  show(`${name}: sees`);
  await sleep(delay);
  show(`${name}: after sleep sees`);
  color.set(name);
}

async function main(): Promise<void> {
  color.set("main");
  const ctx = copyContext();
  color.set("main-2");
  print(
    "ctx has color:",
    ctx.has(color),
    "value:",
    ctx.get(color),
    "len:",
    ctx.size,
  );

  function inner(): string {
    show("inner: sees");
    color.set("inner");
    try {
      ctx.run(show, "nested");
    } catch (e) {
      if (!(e instanceof Error) || e.name !== "Error") throw e;
      print("nested run of ctx: RuntimeError");
    }
    const other = new Context();
    other.run(show, "empty context:");
    return "inner result";
  }

  print("ctx.run returned", ctx.run(inner));
  show("main: after ctx.run");
  print("ctx now holds", ctx.get(color));

  const shared = copyContext();
  const a = createTask(() => painter("red", 0.01), { context: shared });
  const b = createTask(() => painter("blue", 0.02), { context: shared });
  const c = createTask(() => painter("green", 0.03));
  await gather([a, b, c]);
  print("shared holds", shared.get(color));
  show("main: after the painters");

  // deno-lint-ignore require-await
  async function enterOwn(): Promise<void> {
    try {
      shared.run(show, "never");
    } catch (e) {
      if (!(e instanceof Error) || e.name !== "Error") throw e;
      print("entering its own context in a task: RuntimeError");
    }
  }
  await createTask(enterOwn, { context: shared });
}

await run(main, { clock });
