/**
 * Sorting of `TimerHeap`'s records, (when, seq, id) triples of numbers in a
 * `Float64Array`, by (when, seq): `popDue()` sorts the due timers it took
 * out of the heap in one scan. A radix sort for many records, a quicksort
 * (with heapsort as its guard) for fewer.
 *
 * @module
 */

// when, seq, id: the node layout of TimerHeap (_heap.ts).
const STRIDE = 3;
// Sorted by insertion below this many records.
const INSERTION_SORT_MAX = 16;
// Sorted by radix from this many records on (quicksort below).
const RADIX_SORT_MIN = 2048;
// Radix sort digits: 11 bits, so that a digit's 2048 counters stay in cache.
const DIGIT_BITS = 11;
const RADIX = 1 << DIGIT_BITS;
const DIGIT_MASK = RADIX - 1;
// Records per call of a radix sort pass's function.
const RADIX_CHUNK = 8192;
// A double's two 32-bit halves, to read its bits.
const bits64 = new Float64Array(1);
const bits32 = new Uint32Array(bits64.buffer);
bits64[0] = 1; // 0x3ff00000_00000000: which half holds the sign and exponent
const HIGH_HALF = bits32[1] === 0x3ff00000 ? 1 : 0;
const LOW_HALF = 1 - HIGH_HALF;

/** Whether record `i` of `a` comes before record `j` of `b` by (when, seq). */
function before(a: Float64Array, i: number, b: Float64Array, j: number) {
  const wa = a[i]!, wb = b[j]!;
  return wa < wb || (wa === wb && a[i + 1]! < b[j + 1]!);
}

function swap(a: Float64Array, i: number, j: number): void {
  for (let k = 0; k < STRIDE; k++) {
    const t = a[i + k]!;
    a[i + k] = a[j + k]!;
    a[j + k] = t;
  }
}

/**
 * Sorts records `[from, to)` of `a` (`STRIDE` numbers each) by (when, seq),
 * in place: by radix when there are many, else by quicksort.
 */
export function sortRecords(a: Float64Array, from: number, to: number): void {
  if (to - from >= RADIX_SORT_MIN) radixSortRecords(a, from, to);
  else quickSort(a, from, to, 2 * Math.log2(Math.max(to - from, 1)) + 2);
}

/**
 * sortRecords() by least-significant-digit radix sort on the whens: stable
 * passes over 11-bit digits of each when's bits, made to sort as unsigned
 * integers, skipping the digits that all records share; then the records
 * with equal whens are put in seq order. O(n) per pass, reading memory in
 * order, where a comparison sort of 250,000 records makes some 4.5 million
 * comparisons.
 *
 * Each pass runs as calls of a small function over chunks of records,
 * rather than as one long loop: a sort runs once per batch of due timers,
 * and V8 optimizes a function called often at once, where it would optimize
 * a long loop in a function called rarely only by on-stack replacement, one
 * loop after the other, each time anew.
 */
export function radixSortRecords(a: Float64Array, from: number, to: number) {
  const n = to - from;
  let lows = new Uint32Array(n), highs = new Uint32Array(n);
  let order = new Uint32Array(n);
  const counts = new Uint32Array(6 * RADIX);
  for (let i = 0; i < n; i += RADIX_CHUNK) {
    radixKeys(
      a,
      from,
      lows,
      highs,
      order,
      counts,
      i,
      Math.min(n, i + RADIX_CHUNK),
    );
  }
  let nextLows = new Uint32Array(n), nextHighs = new Uint32Array(n);
  let nextOrder = new Uint32Array(n);
  for (let d = 0; d < 6; d++) {
    const shift = (d % 3) * DIGIT_BITS;
    const base = d * RADIX;
    const key = d < 3 ? lows : highs;
    // A digit that every record shares leaves the order as it is.
    if (n === 0 || counts[base + ((key[0]! >>> shift) & DIGIT_MASK)] === n) {
      continue;
    }
    let sum = 0;
    for (let b = base; b < base + RADIX; b++) {
      const count = counts[b]!;
      counts[b] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i += RADIX_CHUNK) {
      radixScatter(
        lows,
        highs,
        order,
        nextLows,
        nextHighs,
        nextOrder,
        counts,
        base,
        shift,
        d >= 3,
        i,
        Math.min(n, i + RADIX_CHUNK),
      );
    }
    [lows, nextLows] = [nextLows, lows];
    [highs, nextHighs] = [nextHighs, highs];
    [order, nextOrder] = [nextOrder, order];
  }
  const records = a.slice(from * STRIDE, to * STRIDE);
  for (let i = 0; i < n; i += RADIX_CHUNK) {
    radixPlace(a, from, records, order, i, Math.min(n, i + RADIX_CHUNK));
  }
  // Equal whens are in the heap's order: put each run of them in seq order.
  for (let i = 0; i < n;) {
    i = sortTies(a, from, lows, highs, i, Math.min(n, i + RADIX_CHUNK), n);
  }
}

/**
 * radixSortRecords(): each when of records `[start, end)` as two 32-bit
 * keys, and the counts of their digits. A double sorts as the unsigned
 * integer of its bits with the sign bit set if it is positive, and all bits
 * flipped if it is negative; -0 is taken as 0, since -0 === 0 to the heap.
 */
function radixKeys(
  a: Float64Array,
  from: number,
  lows: Uint32Array,
  highs: Uint32Array,
  order: Uint32Array,
  counts: Uint32Array,
  start: number,
  end: number,
): void {
  for (let i = start; i < end; i++) {
    const when = a[(from + i) * STRIDE]!;
    bits64[0] = when === 0 ? 0 : when;
    let high = bits32[HIGH_HALF]!, low = bits32[LOW_HALF]!;
    if (high >= 0x80000000) {
      high = ~high >>> 0;
      low = ~low >>> 0;
    } else high = (high | 0x80000000) >>> 0;
    lows[i] = low;
    highs[i] = high;
    order[i] = i;
    counts[low & DIGIT_MASK]!++;
    counts[RADIX + ((low >>> DIGIT_BITS) & DIGIT_MASK)]!++;
    counts[2 * RADIX + (low >>> (2 * DIGIT_BITS))]!++;
    counts[3 * RADIX + (high & DIGIT_MASK)]!++;
    counts[4 * RADIX + ((high >>> DIGIT_BITS) & DIGIT_MASK)]!++;
    counts[5 * RADIX + (high >>> (2 * DIGIT_BITS))]!++;
  }
}

/**
 * radixSortRecords(): one pass over records `[start, end)`, by the digit at
 * `shift` of the high or low key. The keys move with the order, so that
 * each pass reads them in order.
 */
function radixScatter(
  lows: Uint32Array,
  highs: Uint32Array,
  order: Uint32Array,
  nextLows: Uint32Array,
  nextHighs: Uint32Array,
  nextOrder: Uint32Array,
  counts: Uint32Array,
  base: number,
  shift: number,
  high: boolean,
  start: number,
  end: number,
): void {
  const key = high ? highs : lows;
  for (let i = start; i < end; i++) {
    const to = counts[base + ((key[i]! >>> shift) & DIGIT_MASK)]!++;
    nextLows[to] = lows[i]!;
    nextHighs[to] = highs[i]!;
    nextOrder[to] = order[i]!;
  }
}

/** radixSortRecords(): copies records `[start, end)` of the sorted order. */
function radixPlace(
  a: Float64Array,
  from: number,
  records: Float64Array,
  order: Uint32Array,
  start: number,
  end: number,
): void {
  for (let i = start; i < end; i++) {
    const src = order[i]! * STRIDE;
    const dst = (from + i) * STRIDE;
    a[dst] = records[src]!;
    a[dst + 1] = records[src + 1]!;
    a[dst + 2] = records[src + 2]!;
  }
}

/**
 * radixSortRecords(): sorts by seq each run of equal whens that starts in
 * `[start, end)` (it may end past `end`, up to `n`).
 *
 * @returns Where the next run starts.
 */
function sortTies(
  a: Float64Array,
  from: number,
  lows: Uint32Array,
  highs: Uint32Array,
  start: number,
  end: number,
  n: number,
): number {
  let i = start;
  while (i < end) {
    const low = lows[i]!, high = highs[i]!;
    let j = i + 1;
    while (j < n && lows[j] === low && highs[j] === high) j++;
    if (j - i > 1) quickSort(a, from + i, from + j, 2 * Math.log2(j - i) + 2);
    i = j;
  }
  return i;
}

function quickSort(
  a: Float64Array,
  from: number,
  to: number,
  depthLeft: number,
): void {
  while (to - from > INSERTION_SORT_MAX) {
    if (depthLeft-- <= 0) {
      heapSortRecords(a, from, to);
      return;
    }
    // Median of three to the front, as the pivot.
    const lo = from * STRIDE;
    const mid = (from + ((to - from) >> 1)) * STRIDE;
    const hi = (to - 1) * STRIDE;
    if (before(a, mid, a, lo)) swap(a, mid, lo);
    if (before(a, hi, a, lo)) swap(a, hi, lo);
    if (before(a, hi, a, mid)) swap(a, hi, mid);
    swap(a, lo, mid);
    const pw = a[lo]!, ps = a[lo + 1]!;
    // Hoare partition around (pw, ps), which stays at `lo`.
    let i = from, j = to;
    for (;;) {
      do i++; while (
        i < to && (a[i * STRIDE]! < pw ||
          (a[i * STRIDE] === pw && a[i * STRIDE + 1]! < ps))
      );
      do j--; while (
        a[j * STRIDE]! > pw ||
        (a[j * STRIDE] === pw && a[j * STRIDE + 1]! > ps)
      );
      if (i >= j) break;
      swap(a, i * STRIDE, j * STRIDE);
    }
    swap(a, lo, j * STRIDE);
    // Recurse into the smaller side, loop on the larger: O(log n) stack.
    if (j - from < to - j - 1) {
      quickSort(a, from, j, depthLeft);
      from = j + 1;
    } else {
      quickSort(a, j + 1, to, depthLeft);
      to = j;
    }
  }
  for (let i = from + 1; i < to; i++) {
    const at = i * STRIDE;
    const w = a[at]!, s = a[at + 1]!, id = a[at + 2]!;
    let j = i - 1;
    while (j >= from) {
      const o = j * STRIDE;
      const wj = a[o]!;
      if (wj < w || (wj === w && a[o + 1]! < s)) break;
      a[o + STRIDE] = wj;
      a[o + STRIDE + 1] = a[o + 1]!;
      a[o + STRIDE + 2] = a[o + 2]!;
      j--;
    }
    const o = (j + 1) * STRIDE;
    a[o] = w;
    a[o + 1] = s;
    a[o + 2] = id;
  }
}

/** Heapsort of records `[from, to)`: quickSort()'s guard against O(n^2). */
export function heapSortRecords(
  a: Float64Array,
  from: number,
  to: number,
): void {
  const n = to - from;
  const down = (root: number, end: number): void => {
    for (;;) {
      let child = 2 * root + 1;
      if (child >= end) return;
      const c = (from + child) * STRIDE;
      if (child + 1 < end && before(a, c, a, c + STRIDE)) child++;
      const r = (from + root) * STRIDE, m = (from + child) * STRIDE;
      if (!before(a, r, a, m)) return;
      swap(a, r, m);
      root = child;
    }
  };
  for (let i = (n >> 1) - 1; i >= 0; i--) down(i, n);
  for (let end = n - 1; end > 0; end--) {
    swap(a, from * STRIDE, (from + end) * STRIDE);
    down(0, end);
  }
}
