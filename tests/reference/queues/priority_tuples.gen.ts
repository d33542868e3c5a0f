// A PriorityQueue hands out the smallest item first; tuples compare item by
// item, the first difference deciding, a shorter prefix first; the storage
// is heapq's (the str() shows it); items that do not compare raise
// TypeError, and the item stays in the heap. (Generator tasks.)
import { createTask, gather, PriorityQueue, run, sleep } from "../../../mod.ts";
import { clock } from "../_loop.ts";
import { print, pyRepr, typeName } from "../_py.ts";

function show(q: PriorityQueue<unknown>): string {
  // Python's tuples are arrays here.
  return String(q);
}

function* getter(
  q: PriorityQueue<unknown>,
  name: string,
): Generator<unknown, void> {
  const item = yield* q.get();
  print(`${name}: got ${pyRepr(item)}`);
}

function* main(): Generator<unknown, void> {
  let q = new PriorityQueue<unknown>();
  const items = [[3, "c"], [1, "b", 2], [2], [1, "b"], [1, "a", 9], [0, "z"], [
    2,
    "a",
  ], [1, "b", 1]];
  for (const item of items) {
    q.putNowait([...item]);
    print("put", [...item], "->", q.qsize());
  }
  print(show(q));
  const out = [];
  while (!q.empty()) out.push(q.getNowait());
  print("order:", out);

  q = new PriorityQueue();
  for (const word of ["pear", "apple", "fig", "Zebra", "apricot", "é", "e"]) {
    q.putNowait(word);
  }
  print("strings:", Array.from({ length: q.qsize() }, () => q.getNowait()));
  for (const n of [5, 2.5, -1, true, 1e20, 0]) q.putNowait(n);
  print("numbers:", Array.from({ length: q.qsize() }, () => q.getNowait()));

  const tasks = [0, 1, 2].map((i) => createTask(getter(q, `g${i}`)));
  yield* sleep(0);
  print("getters waiting:", show(q));
  yield* q.put([5, "x"]);
  yield* q.put([4, "y"]);
  yield* q.put([6, "z"]);
  yield* gather(tasks);

  q = new PriorityQueue();
  q.putNowait([1, "a"]);
  for (const bad of [[1, 2], "text", [0, "a"]]) {
    try {
      q.putNowait(bad);
      print("put", bad);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print("put", bad, "raised", typeName(e));
    }
    print(show(q));
  }
  for (let i = 0; i < 4; i++) {
    try {
      print("get", q.getNowait(), q);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print("get raised", typeName(e), q);
    }
  }
}

await run(main, { clock });
