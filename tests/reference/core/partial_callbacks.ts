// Partials as loop and done callbacks: call_soon() adds its arguments after
// the bound ones, keywords reach the callback, and handle reprs show both.
// Python's **kwargs arrive here as the options object given last.
import { type Future, kw, partial, repr } from "../../../mod.ts";
import { newLoop } from "../_loop.ts";
import { print } from "../_py.ts";

const loop = newLoop();

function norm(text: string): string {
  return text.replace(/ at [^ ]+:[0-9]+/g, "");
}

function cb(...args: unknown[]): void {
  const last = args[args.length - 1];
  const kwargs = typeof last === "object" && last !== null
    ? args.pop() as Record<string, unknown>
    : {};
  const kwText = Object.entries(kwargs)
    .sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)
    .map(([k, v]) => `${k}=${repr(v)}`)
    .join(", ");
  print(`cb args=${repr(args)} kwargs=[${kwText}]`);
}

function report(
  label: string,
  fut: Future<string>,
  { n = 0 }: { n?: number } = {},
): void {
  print(`${label}: n=${n} result=${repr(fut.result())}`);
}

let h = loop.callSoon(partial(cb, 1), 2);
print(norm(String(h)));
h = loop.callSoon(partial(cb, "a", kw({ k: "v" })), "b");
print(norm(String(h)));
h = loop.callSoon(partial(partial(cb, 1, kw({ x: 1 })), 2, kw({ y: 2 })), 3);
print(norm(String(h)));
loop.callLater(0.01, partial(cb, "timer", kw({ when: "later" })));
const fut = loop.createFuture<string>();
fut.addDoneCallback(partial(report, "first"));
fut.addDoneCallback(partial(report, "second", kw({ n: 2 })));
fut.addDoneCallback(partial(partial(report, kw({ n: 3 })), "third"));
print(norm(String(fut)));
loop.callLater(0.02, (r) => fut.setResult(r), "done");
await loop.runUntilComplete(fut);
loop.close();
