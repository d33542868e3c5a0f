// Nested TaskGroups. A failure in the inner group cancels the inner tasks
// and raises its ExceptionGroup into the outer body, so the outer group
// cancels its tasks too and wraps it: an ExceptionGroup in an
// ExceptionGroup. A failure in the outer group cancels the inner body,
// whose group passes the cancellation up; only the outer failure is raised.
import {
  CancelledError,
  currentTask,
  ExceptionGroup,
  run,
  sleep,
  TaskGroup,
} from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, typeName, ValueError } from "../_py.ts";

async function sibling(name: string): Promise<void> {
  try {
    for (let i = 0; i < 100; i++) {
      await sleep(0);
    }
  } catch (e) {
    if (e instanceof CancelledError) print(`${name}: cancelled`);
    throw e;
  }
}

async function failing(name: string, steps: number): Promise<never> {
  for (let i = 0; i < steps; i++) {
    await sleep(0);
  }
  print(`${name}: raises`);
  throw new ValueError(`${name} failed`);
}

function show(e: Error, indent = ""): void {
  if (e instanceof ExceptionGroup) {
    print(`${indent}${typeName(e)} ${pyRepr(e.message)}`);
    for (const sub of e.errors) {
      show(sub, indent + "  ");
    }
  } else {
    print(`${indent}${typeName(e)}: ${e.message}`);
  }
}

async function main(): Promise<void> {
  try {
    await new TaskGroup().run(async (outer) => {
      outer.createTask(() => sibling("outer sibling"));
      await new TaskGroup().run((inner) => {
        inner.createTask(() => sibling("inner sibling"));
        inner.createTask(() => failing("inner", 2));
      });
      print("never printed");
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    show(e);
  }
  try {
    await new TaskGroup().run(async (outer) => {
      outer.createTask(() => failing("outer", 3));
      try {
        await new TaskGroup().run(async (inner) => {
          inner.createTask(() => sibling("inner sibling"));
          await sleep(10);
        });
      } catch (e) {
        if (e instanceof CancelledError) {
          print("inner group: raised CancelledError");
        }
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    show(e);
  }
  print("main: cancelling() =", currentTask()!.cancelling());
}

await run(main, { clock });
