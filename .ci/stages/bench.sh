# Benchmark harness smoke test (issue 5): the bench files type-check, and
# every workload runs at a tiny N and passes its own result check, under
# Deno, CPython asyncio and (once the npm stage has built npm/esm/mod.js)
# Node, and the generator-task variants of the workloads with tasks. No
# timing is asserted.
stage bench-check deno check bench/
# The asyncio side runs where a python3 is (bench:compare needs one; the
# tests do not).
bench_python=""
if python3 -c "import asyncio" >/dev/null 2>&1; then bench_python=python3; fi
if [ -z "$bench_python" ]; then
  echo "== bench-smoke: no python3 here, the asyncio workloads are skipped"
fi
bench_smoke() {
  local w
  for w in callsoon_batch callsoon_chain future_lifecycle await_pingpong \
    timers_expired gather_sleep0 queue_producer_consumer lock_turns; do
    deno run -A bench/workloads.ts "$w" 2000 || return 1
    if [ -n "$bench_python" ]; then
      "$bench_python" bench/asyncio_workloads.py "$w" 2000 || return 1
    fi
    if [ -f npm/esm/mod.js ]; then
      node bench/node_workloads.mjs npm/esm/mod.js "$w" 2000 || return 1
    fi
  done
  # The floor (no loop, no asyncio counterpart).
  deno run -A bench/workloads.ts floor_pingpong 2000 || return 1
  if [ -f npm/esm/mod.js ]; then
    node bench/node_workloads.mjs npm/esm/mod.js floor_pingpong 2000 || return 1
  fi
  for w in await_pingpong gather_sleep0 queue_producer_consumer; do
    deno run -A bench/workloads.ts "$w" 2000 --tasks generator || return 1
    if [ -f npm/esm/mod.js ]; then
      node bench/node_workloads.mjs npm/esm/mod.js "$w" 2000 \
        --tasks generator || return 1
    fi
  done
}
stage bench-smoke bench_smoke
