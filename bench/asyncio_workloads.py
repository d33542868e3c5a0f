#!/usr/bin/env python3
"""The benchmark workloads of issue 5 (and later ones) for CPython asyncio
(and uvloop).

    python3 bench/asyncio_workloads.py <workload> [N] [--uvloop] [--runs K]
    python3 bench/asyncio_workloads.py memory [COUNT] [--uvloop]

Prints one JSON line, as bench/workloads.ts does:
{"workload": ..., "impl": "asyncio-3.11.7", "ops": N, "seconds": S,
"ops_per_sec": R}. The bodies mirror bench/_workloads.mjs line for line: the
same N, the same timed section (scheduling and running, not creating or
closing the loop), the same self-check (a wrong result exits 1).

uvloop: Debian's python3-uvloop is built for Debian's /usr/bin/python3, so
run that interpreter with --uvloop (impl "uvloop-0.17.0").

The cyclic GC stays on, as users get it. A warm-up run comes first, at N/10
(CPython has no JIT tiers to wait for; its specializing interpreter settles
after a few executions), then gc.collect(), then the timed runs.
"""

import asyncio
import gc
import json
import platform
import sys
import time

DEFAULT_N = {
    "callsoon_batch": 1_000_000,
    "callsoon_chain": 1_000_000,
    "future_lifecycle": 500_000,
    "await_pingpong": 200_000,
    "timers_expired": 500_000,
    "gather_sleep0": 100_000,
    "queue_producer_consumer": 200_000,
    "lock_turns": 100_000,
    "tasks_done": 200_000,
    "eager_done": 200_000,
}


# What the self-checks found wrong; a run with problems is reported with
# "ok": false and exits 1 (its time is still printed: uvloop's timers_expired
# is fast and wrong).
problems = []


def check(ok, message):
    if not ok:
        problems.append(message)


def callsoon_batch(new_loop, n):
    loop = new_loop()
    count = 0

    def increment():
        nonlocal count
        count += 1

    start = time.perf_counter()
    for _ in range(n):
        loop.call_soon(increment)
    loop.call_soon(loop.stop)
    loop.run_forever()
    seconds = time.perf_counter() - start
    loop.close()
    check(count == n, f"callsoon_batch ran {count} callbacks, expected {n}")
    return seconds


def callsoon_chain(new_loop, n):
    loop = new_loop()
    count = 0

    def step():
        nonlocal count
        count += 1
        if count < n:
            loop.call_soon(step)
        else:
            loop.stop()

    start = time.perf_counter()
    loop.call_soon(step)
    loop.run_forever()
    seconds = time.perf_counter() - start
    loop.close()
    check(count == n, f"callsoon_chain ran {count} times, expected {n}")
    return seconds


def future_lifecycle(new_loop, n):
    loop = new_loop()
    count = 0
    total = 0

    def on_done(future):
        nonlocal count, total
        count += 1
        total += future.result()

    start = time.perf_counter()
    for i in range(n):
        future = loop.create_future()
        future.add_done_callback(on_done)
        future.set_result(i)
    loop.call_soon(loop.stop)
    loop.run_forever()
    seconds = time.perf_counter() - start
    loop.close()
    check(count == n, f"future_lifecycle ran {count} callbacks, expected {n}")
    check(total == n * (n - 1) // 2, f"future_lifecycle summed {total}")
    return seconds


def await_pingpong(new_loop, n):
    loop = new_loop()
    waiting = [None, None]
    handoffs = 0

    async def player(me):
        nonlocal handoffs
        other = 1 - me
        while True:
            future = loop.create_future()
            waiting[me] = future
            value = await future
            if value < 0:
                return value
            if value >= n:
                waiting[other].set_result(-1)
                return value
            handoffs += 1
            waiting[other].set_result(value + 1)

    async def main():
        a = loop.create_task(player(0))
        b = loop.create_task(player(1))
        loop.call_soon(lambda: waiting[0].set_result(0))
        return [await a, await b]

    start = time.perf_counter()
    results = loop.run_until_complete(main())
    seconds = time.perf_counter() - start
    loop.close()
    check(handoffs == n, f"await_pingpong made {handoffs} hand-offs, not {n}")
    check(n in results and -1 in results, f"await_pingpong ended {results}")
    return seconds


def timers_expired(new_loop, n):
    loop = new_loop()
    whens = [0.0] * n
    ran = 0
    last = float("-inf")
    wrong = 0

    def fire(i):
        nonlocal ran, last, wrong
        when = whens[i]
        if when < last or i & 1:
            wrong += 1
        last = when
        ran += 1

    seed = 1
    start = time.perf_counter()
    base = loop.time()
    handles = [None] * n
    for i in range(n):
        # Park and Miller's minimal standard LCG, as in _workloads.mjs.
        seed = (seed * 48271) % 2147483647
        when = base - (seed - 1) / 2147483646
        whens[i] = when
        handles[i] = loop.call_at(when, fire, i)
    for i in range(1, n, 2):
        handles[i].cancel()
    loop.call_soon(loop.stop)
    loop.run_forever()
    seconds = time.perf_counter() - start
    loop.close()
    check(ran == (n + 1) // 2, f"timers_expired ran {ran} timers")
    check(wrong == 0, f"timers_expired: {wrong} timers out of order/cancelled")
    return seconds


def gather_sleep0(new_loop, n):
    loop = new_loop()

    async def work(i):
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        return i

    async def main():
        return await asyncio.gather(*[work(i) for i in range(n)])

    start = time.perf_counter()
    results = loop.run_until_complete(main())
    seconds = time.perf_counter() - start
    loop.close()
    check(len(results) == n, f"gather_sleep0 gave {len(results)} results")
    check(results == list(range(n)), "gather_sleep0 results out of order")
    return seconds


def queue_producer_consumer(new_loop, n):
    loop = new_loop()
    total = 0

    async def main():
        queue = asyncio.Queue(maxsize=100)

        async def producer():
            for i in range(n):
                await queue.put(i)

        async def consumer():
            nonlocal total
            for _ in range(n):
                total += await queue.get()
                queue.task_done()

        tasks = [loop.create_task(producer()), loop.create_task(consumer())]
        await queue.join()
        for task in tasks:
            await task

    start = time.perf_counter()
    loop.run_until_complete(main())
    seconds = time.perf_counter() - start
    loop.close()
    check(total == n * (n - 1) // 2,
          f"queue_producer_consumer summed {total}, expected "
          f"{n * (n - 1) // 2}")
    return seconds


def lock_turns(new_loop, n, tasks=100):
    loop = new_loop()
    each = max(1, n // tasks)
    turns = 0

    async def main():
        lock = asyncio.Lock()

        async def user():
            nonlocal turns
            for _ in range(each):
                async with lock:
                    turns += 1
                    await asyncio.sleep(0)

        users = [loop.create_task(user()) for _ in range(tasks)]
        for task in users:
            await task

    start = time.perf_counter()
    loop.run_until_complete(main())
    seconds = time.perf_counter() - start
    loop.close()
    check(turns == each * tasks, f"lock_turns made {turns} turns")
    return seconds * n / (each * tasks)


def tasks_done(new_loop, n, eager=False):
    loop = new_loop()
    if eager:
        loop.set_task_factory(asyncio.eager_task_factory)
    ran = 0

    async def work(i):
        nonlocal ran
        ran += 1
        return i

    async def main():
        tasks = [loop.create_task(work(i)) for i in range(n)]
        total = 0
        for task in tasks:
            total += await task
        return total

    start = time.perf_counter()
    total = loop.run_until_complete(main())
    seconds = time.perf_counter() - start
    loop.close()
    name = "eager_done" if eager else "tasks_done"
    check(ran == n, f"{name} ran {ran} tasks, expected {n}")
    check(total == n * (n - 1) // 2, f"{name} summed {total}")
    return seconds


def eager_done(new_loop, n):
    return tasks_done(new_loop, n, eager=True)


WORKLOADS = {
    "callsoon_batch": callsoon_batch,
    "callsoon_chain": callsoon_chain,
    "future_lifecycle": future_lifecycle,
    "await_pingpong": await_pingpong,
    "timers_expired": timers_expired,
    "gather_sleep0": gather_sleep0,
    "queue_producer_consumer": queue_producer_consumer,
    "lock_turns": lock_turns,
    "tasks_done": tasks_done,
    "eager_done": eager_done,
}


# bench/_workloads.mjs's workloads with no counterpart here: a run prints a
# "skipped" line (bench:compare does not ask for them).
NOT_APPLICABLE = {
    "floor_pingpong": "JavaScript's await floor, no event loop: no asyncio "
    "counterpart",
}


def measure_memory(new_loop, kind, count):
    """Bytes traced by tracemalloc per live object, as _workloads.mjs's
    measureMemory: a pending call_soon handle (deque slot included), a
    pending future (list slot included), a task suspended on a shared
    future (its await registration included), a task suspended in
    queue.get() on one empty queue (its getter included)."""
    import tracemalloc

    loop = new_loop()
    asyncio.set_event_loop(loop)
    keep = [None] * count
    shared = loop.create_future()

    def noop():
        pass

    async def waiter():
        await shared

    queue = asyncio.Queue()

    async def queue_waiter():
        await queue.get()

    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    if kind == "handle":
        for _ in range(count):
            loop.call_soon(noop)
    elif kind == "future":
        for i in range(count):
            keep[i] = loop.create_future()
    elif kind in ("task", "queue-get"):
        coro = waiter if kind == "task" else queue_waiter
        for i in range(count):
            keep[i] = loop.create_task(coro())
        loop.call_soon(loop.stop)
        loop.run_forever()
        if any(task.done() for task in keep):
            raise RuntimeError(f"memory/{kind}: a task finished early")
    else:
        raise ValueError(f"unknown memory kind {kind!r}")
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    # Let the tasks finish, so that none is destroyed pending.
    shared.set_result(None)
    if kind == "queue-get":
        for i in range(count):
            queue.put_nowait(i)
    loop.call_soon(loop.stop)
    loop.run_forever()
    loop.close()
    return (after - before) / count


def main(argv):
    args = list(argv)
    use_uvloop = "--uvloop" in args
    if use_uvloop:
        args.remove("--uvloop")
    runs = 1
    if "--runs" in args:
        at = args.index("--runs")
        runs = int(args[at + 1])
        del args[at : at + 2]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    name = args[0]

    if use_uvloop:
        import uvloop

        new_loop = uvloop.new_event_loop
        impl = f"uvloop-{uvloop.__version__}"
    else:
        new_loop = asyncio.new_event_loop
        impl = f"asyncio-{platform.python_version()}"

    if name == "memory":
        count = int(args[1]) if len(args) > 1 else 100_000
        for kind in ("handle", "future", "task", "queue-get"):
            bytes_per = measure_memory(new_loop, kind, count)
            print(json.dumps({
                "memory": kind,
                "impl": impl,
                "count": count,
                "bytes_per_object": round(bytes_per, 1),
            }), flush=True)
        return 0

    if name in NOT_APPLICABLE:
        # A JavaScript-only workload (no event loop): nothing to run here.
        print(json.dumps({
            "workload": name,
            "impl": impl,
            "ops": int(args[1]) if len(args) > 1 else None,
            "skipped": True,
            "reason": NOT_APPLICABLE[name],
        }), flush=True)
        return 0

    if name == "eager_done" and not hasattr(asyncio, "eager_task_factory"):
        # Eager tasks came with Python 3.12.
        print(json.dumps({
            "workload": name,
            "impl": impl,
            "ops": int(args[1]) if len(args) > 1 else DEFAULT_N[name],
            "skipped": True,
            "reason": f"asyncio {platform.python_version()} has no "
            "eager_task_factory (Python 3.12+)",
        }), flush=True)
        return 0

    if name not in WORKLOADS:
        print(f"unknown workload {name!r}; expected one of "
              f"{', '.join(WORKLOADS)}", file=sys.stderr)
        return 2
    n = int(args[1]) if len(args) > 1 else DEFAULT_N[name]
    workload = WORKLOADS[name]
    workload(new_loop, max(1, n // 10))
    gc.collect()
    times = sorted(workload(new_loop, n) for _ in range(runs))
    seconds = times[(len(times) - 1) // 2]
    line = {
        "workload": name,
        "impl": impl,
        "ops": n,
        "seconds": float(f"{seconds:.6g}"),
        "ops_per_sec": round(n / seconds),
    }
    if runs > 1:
        line["runs"] = runs
    if problems:
        line["ok"] = False
        line["error"] = problems[0]
        print(problems[0], file=sys.stderr)
    print(json.dumps(line), flush=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
