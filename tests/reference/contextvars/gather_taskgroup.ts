// The children of gather() and of a TaskGroup, and their own children, each
// run in a copy of their parent's context when it created them: values flow
// down, never up nor sideways.
import { ContextVar, gather, run, sleep, TaskGroup } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print } from "../_py.ts";

const depth = new ContextVar("depth", { default: 0 });
const path = new ContextVar("path", { default: "root" });

async function node(name: string, levels: number): Promise<string[]> {
  depth.set(depth.get() + 1);
  path.set(path.get() + "/" + name);
  await sleep(0);
  const kids = levels > 0
    ? await gather([
      () => node(name + "a", levels - 1),
      () => node(name + "b", levels - 1),
    ])
    : [];
  print(`${path.get()} depth ${depth.get()}`);
  return [path.get(), ...kids.flat()];
}

async function main(): Promise<void> {
  path.set("main");
  print("gather:", await gather([() => node("x", 1), () => node("y", 0)]));
  print("main after gather:", path.get(), depth.get());
  const [t1, t2] = await new TaskGroup().run((tg) => {
    path.set("group");
    const t1 = tg.createTask(() => node("p", 1));
    path.set("group-2");
    const t2 = tg.createTask(() => node("q", 0));
    return [t1, t2] as const;
  });
  print("taskgroup:", t1.result(), t2.result());
  print("main after the group:", path.get(), depth.get());
}

await run(main, { clock });
