// ExceptionGroup's exceptions, subgroup() and split(): the parts keep the
// nesting, the message and the cause; None where nothing matches; a nested
// group that matches goes whole; a derive() override makes the parts of its
// class; except* is split() underneath (the TypeScript form splits by
// hand), as for the failures of a TaskGroup.
import { ExceptionGroup, run, sleep, TaskGroup } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, ValueError } from "../_py.ts";

class KeyError extends Error {
  override name = "KeyError";
}

class OSError extends Error {
  override name = "OSError";
}

class RuntimeFailure extends Error {
  override name = "RuntimeFailure";
}

class MyGroup extends ExceptionGroup {
  override name = "MyGroup";

  override derive(errors: Iterable<unknown>): MyGroup {
    return new MyGroup(`my ${this.message}`, errors);
  }
}

function parts(): void {
  const eg = new ExceptionGroup("top", [
    new ValueError("1"),
    new TypeError("2"),
    new ExceptionGroup("inner", [new ValueError("3"), new KeyError("4")]),
  ], { cause: new RuntimeFailure("cause") });
  print(eg.exceptions.length, pyRepr(eg.exceptions[0]));
  print("subgroup ValueError:", pyRepr(eg.subgroup(ValueError)));
  print(
    "subgroup (TypeError, KeyError):",
    pyRepr(eg.subgroup([TypeError, KeyError])),
  );
  print("subgroup OSError:", eg.subgroup(OSError));
  const [match, rest] = eg.split(ValueError);
  print("split match:", pyRepr(match));
  print("split rest:", pyRepr(rest));
  print("causes:", pyRepr(match!.cause), pyRepr(rest!.cause));
  print("whole group is itself:", eg.subgroup(() => true) === eg);
  const [inner, others] = eg.split((e) =>
    e instanceof ExceptionGroup && e.message === "inner"
  );
  print(
    "inner whole:",
    pyRepr(inner),
    inner!.exceptions[0] === eg.exceptions[2],
  );
  print("others:", pyRepr(others));
  const seen: string[] = [];
  eg.subgroup((e) => seen.push((e as Error).name) && false);
  print("predicate saw:", seen);
  const mine = new MyGroup("g", [new ValueError("1"), new TypeError("2")]);
  print("derived:", mine.split(ValueError).map((part) => pyRepr(part)));
  {
    // except*: the group that was raised, split clause by clause.
    let [found, left] = eg.split(ValueError);
    if (found) print("except* ValueError:", pyRepr(found));
    [found, left] = left!.split([TypeError, KeyError]);
    if (found) print("except* TypeError, KeyError:", pyRepr(found));
    if (left) throw left;
  }
}

async function failing(error: Error): Promise<never> {
  await sleep(0);
  throw error;
}

async function main(): Promise<void> {
  try {
    await new TaskGroup().run((tg) => {
      tg.createTask(() => failing(new ValueError("a")));
      tg.createTask(() => failing(new KeyError("b")));
      tg.createTask(() => failing(new ValueError("c")));
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    let [found, left] = e.split(ValueError);
    if (found) print("group ValueError:", pyRepr(found));
    [found, left] = left!.split(KeyError);
    if (found) print("group KeyError:", pyRepr(found));
    if (left) throw left;
  }
}

parts();
await run(main, { clock });
