// @ts-check
/**
 * The flatness criterion of issue 5 applied to plain JavaScript, with no
 * library: per-object time of keeping N small objects alive (pushed into an
 * array, then read back, as a batch of pending handles is), at N = 10,000
 * vs N = 1,000,000. Runs under Deno and Node alike:
 *
 * ```sh
 * deno run bench/flatness_baseline.mjs
 * node bench/flatness_baseline.mjs
 * ```
 *
 * It shows how much of the non-flatness of the batch workloads is V8's:
 * a million live objects outgrow the young generation and are copied and
 * promoted, whatever holds them.
 *
 * @module
 */

/** Five fields, the size of a pending Handle. */
class Record {
  /**
   * @param {() => void} callback
   * @param {number} value
   */
  constructor(callback, value) {
    this.callback = callback;
    this.value = value;
    /** @type {unknown} */
    this.a = undefined;
    /** @type {unknown} */
    this.b = undefined;
    this.c = 0;
  }
}

const noop = () => {};

/**
 * @param {number} n
 * @returns {number} Nanoseconds per object.
 */
function once(n) {
  const start = performance.now();
  /** @type {Record[]} */
  const records = [];
  for (let i = 0; i < n; i++) records.push(new Record(noop, i));
  let sum = 0;
  for (let i = 0; i < n; i++) sum += records[i]?.value ?? 0;
  if (sum !== n * (n - 1) / 2) throw new Error("wrong sum");
  return (performance.now() - start) * 1e6 / n;
}

/**
 * @param {number[]} values
 * @returns {number}
 */
function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[sorted.length >> 1] ?? NaN;
}

for (let i = 0; i < 5; i++) once(1_000_000);
const ratios = [];
for (let rep = 0; rep < 5; rep++) {
  const small = median(Array.from({ length: 15 }, () => once(10_000)));
  const large = once(1_000_000);
  ratios.push(large / small);
  console.log(
    `rep ${rep + 1}: ${small.toFixed(0)} ns at 10,000, ${
      large.toFixed(0)
    } ns at 1,000,000: ${(large / small).toFixed(2)}x`,
  );
}
console.log(`median ratio: ${median(ratios).toFixed(2)}x`);
