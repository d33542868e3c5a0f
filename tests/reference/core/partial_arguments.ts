// functools.partial: bound positional and keyword arguments, call-time
// keywords that add to or override them, and partials of partials that
// flatten into one. Python's `n=5` is `kw({ n: 5 })`, and the keywords
// reach the function as one options object after the positional arguments.
import { type AnyFunction, kw, partial, repr } from "../../../mod.ts";
import { print } from "../_py.ts";

function f(
  a: unknown,
  b: unknown,
  c: unknown,
  { n = 0, m = 0 }: { n?: number; m?: number } = {},
): string {
  return `a=${a} b=${b} c=${c} n=${n} m=${m}`;
}

interface PartialLike {
  func: AnyFunction;
  args: readonly unknown[];
  keywords: Readonly<Record<string, unknown>>;
}

function show(label: string, p: PartialLike): void {
  const args = p.args.map((x) => repr(x)).join(", ");
  const keywords = Object.entries(p.keywords)
    .sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)
    .map(([k, v]) => `${k}=${repr(v)}`)
    .join(", ");
  print(`${label}: func=${p.func.name} args=[${args}] keywords=[${keywords}]`);
}

const p1 = partial(f, 1);
print(p1(2, 3));
show("p1", p1);
const p2 = partial(f, 1, 2, kw({ n: 5 }));
print(p2(3));
print(p2(3, kw({ n: 6 })));
print(p2(3, kw({ m: 7 })));
show("p2", p2);
const p3 = partial(partial(f, 1), 2);
print(p3(3));
show("p3", p3);
print("p3 flattened:", p3.func === f);
const p4 = partial(partial(f, 1, kw({ n: 1 })), 2, kw({ m: 2 }));
print(p4(3));
show("p4", p4);
const p5 = partial(p4, kw({ n: 9 }));
print(p5(3));
show("p5", p5);
const p6 = partial(f, kw({ n: 1 }));
print(p6(1, 2, 3, kw({ n: 9 })));
show("p6", p6);
const p7 = partial(f);
print(p7("x", "y", "z"));
show("p7", p7);
