// Futures and handles show results and arguments through reprlib.repr():
// long strings, long lists and long reprs are shortened with '...'.
import { newLoop } from "../_loop.ts";
import { print, ValueError } from "../_py.ts";

const loop = newLoop();

function norm(text: string): string {
  return text.replace(/ at [^ ]+:[0-9]+/g, "");
}

function cb(..._args: unknown[]): void {}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const values: unknown[] = [
  "a".repeat(28),
  "b".repeat(29),
  "the quick brown fox jumps over the lazy dog",
  "it's a string with a quote and more than thirty characters",
  range(6),
  range(7),
  [[[[[[["deep"]]]]]]],
  [["x".repeat(40)], range(10)],
  new ValueError("a message long enough to be shortened"),
];
for (const value of values) {
  const fut = loop.createFuture<unknown>();
  fut.setResult(value);
  print(norm(String(fut)));
  print(norm(String(loop.callSoon(cb, value))));
}

const fut = loop.createFuture<unknown>();
fut.setException(new ValueError("exceptions are shown in full, however long"));
print(norm(String(fut)));
const inner = loop.createFuture<string>();
inner.setResult("the quick brown fox jumps over the lazy dog");
print(norm(String(loop.callSoon(cb, inner))));
loop.close();
