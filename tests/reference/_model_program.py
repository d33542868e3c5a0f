"""Run the model test's random programs on CPython's asyncio.

Reads a JSON list of programs (the format of tests/_model.ts) on stdin, runs
each on a real asyncio event loop whose clock is virtual, and prints a JSON
list of traces on stdout, one per program, in the format of the TypeScript
interpreter (`execute` in tests/_model.ts), line for line. That is how the
reference model is checked against asyncio itself
(tests/integration/model_python_test.ts).

The loop is asyncio's own BaseEventLoop: its _run_once, its heap, its
Future and Handle classes. Only the clock is replaced, the way asyncio's
own test suite does it (test_utils.TestLoop): the selector's select(timeout)
advances the clock by timeout instead of sleeping.

    python3 tests/reference/_model_program.py < programs.json
"""

import asyncio
import json
import sys

INITIAL_FUTURES = 2
GUARD_SECONDS = 1000


class VirtualSelector:
    """select(timeout) moves the loop's clock forward instead of sleeping."""

    def __init__(self, loop):
        self.loop = loop

    def select(self, timeout):
        if timeout is None:
            raise RuntimeError("the program would wait forever")
        self.loop.now += timeout
        return []

    def close(self):
        pass


class VirtualLoop(asyncio.BaseEventLoop):
    def __init__(self):
        super().__init__()
        self.now = 0.0
        self._selector = VirtualSelector(self)
        # A timer is due when its time is <= now (asyncio: < now + resolution).
        self._clock_resolution = 1e-9

    def time(self):
        return self.now

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass


def fmt_time(value):
    """Format a time as JavaScript's String(number) does (exact dyadics)."""
    if value == int(value):
        return str(int(value))
    return repr(value)


def describe_error(error):
    if isinstance(error, asyncio.CancelledError):
        return "CancelledError"
    if isinstance(error, asyncio.InvalidStateError):
        return f"InvalidStateError({error})"
    return str(error)


def execute(program):
    loop = VirtualLoop()
    trace = []
    handles = []
    futures = []
    done_fns = []
    guard_fired = False

    def at():
        return f"t={fmt_time(loop.time())}"

    def handler(_loop, context):
        message = context["message"]
        if message == "Future exception was never retrieved":
            return  # at garbage collection: not part of the program's trace
        kind = "callback" if message.startswith("Exception in callback") else message
        trace.append(f"{at()} handler({kind}) {describe_error(context.get('exception'))}")

    loop.set_exception_handler(handler)

    def index_of(future):
        for i, f in enumerate(futures):
            if f is future:
                return i
        return -1

    def describe_future(future):
        if future.cancelled():
            state = "cancelled"
        elif future.exception() is not None:
            state = "exception"
        else:
            state = f"result {future.result()}"
        return f"fut{index_of(future)} {state}"

    def schedule(make, cb, label=""):
        handles.append(make(lambda: call(cb, label)))

    def perform(action, where):
        op = action["op"]
        if op == "soon":
            schedule(loop.call_soon, action["cb"])
        elif op == "later":
            schedule(lambda fn: loop.call_later(action["delay"], fn), action["cb"])
        elif op == "at":
            schedule(lambda fn: loop.call_at(action["when"], fn), action["cb"])
        elif op == "cancel":
            if handles:
                handles[action["handle"] % len(handles)].cancel()
        elif op == "stop":
            loop.stop()
        elif op == "throw":
            raise Exception(f"boom in {where}")
        elif op == "future":
            futures.append(loop.create_future())
        elif op == "settle":
            index = action["future"] % len(futures)
            future = futures[index]
            if action["how"] == "result":
                future.set_result(index)
            elif action["how"] == "exception":
                future.set_exception(Exception(f"fail {index}"))
            else:
                cancelled = "true" if future.cancel() else "false"
                trace.append(f"{at()} cancel fut{index}: {cancelled}")
        elif op == "addDone":
            cb = action["cb"]

            def fn(future, cb=cb):
                call(cb, "", future)

            done_fns.append(fn)
            future = futures[action["future"] % len(futures)]
            future.add_done_callback(fn)
            if action["twice"]:
                future.add_done_callback(fn)
        elif op == "close":
            loop.close()
        elif op == "burst":
            first = len(handles)
            cb = {"id": action["id"], "body": []}
            for i in range(action["count"]):
                schedule(
                    lambda fn, i=i: loop.call_later(action["base"] + i / 128, fn),
                    cb,
                    f".{i}",
                )
            for i in range(action["count"]):
                if i % action["keep"] != 0:
                    handles[first + i].cancel()
        elif op == "removeDone":
            if done_fns:
                index = action["future"] % len(futures)
                removed = futures[index].remove_done_callback(
                    done_fns[action["fn"] % len(done_fns)]
                )
                trace.append(f"{at()} removed {removed} from fut{index}")
        else:
            raise ValueError(f"unknown action {op!r}")

    def call(cb, label, future=None):
        suffix = f" ({describe_future(future)})" if future is not None else ""
        trace.append(f"{at()} cb{cb['id']}{label}{suffix}")
        for action in cb["body"]:
            perform(action, f"cb{cb['id']}")

    def run(how):
        nonlocal guard_fired
        guard_fired = False

        def guard():
            nonlocal guard_fired
            guard_fired = True
            trace.append(f"{at()} guard")
            loop.stop()

        guard_handle = None
        try:
            guard_handle = loop.call_at(loop.time() + GUARD_SECONDS, guard)
        except Exception as error:
            trace.append(f"{at()} guard raised {describe_error(error)}")
        if how["op"] == "forever":
            trace.append(f"{at()} runForever")
            try:
                loop.run_forever()
                trace.append(f"{at()} stopped")
            except Exception as error:
                trace.append(f"{at()} raised {describe_error(error)}")
        else:
            index = how["future"] % len(futures)
            trace.append(f"{at()} runUntilComplete fut{index}")
            try:
                value = loop.run_until_complete(futures[index])
                trace.append(f"{at()} returned {value}")
            except BaseException as error:  # CancelledError is a BaseException
                trace.append(f"{at()} raised {describe_error(error)}")
        if guard_handle is not None:
            guard_handle.cancel()

    for _ in range(INITIAL_FUTURES):
        futures.append(loop.create_future())
    for segment in program["segments"]:
        for action in segment["before"]:
            try:
                perform(action, "outside")
            except Exception as error:
                trace.append(f"{at()} outside raised {describe_error(error)}")
        run(segment["run"])
    trace.append(f"{at()} drain")
    run({"op": "forever"})
    while not guard_fired and not loop.is_closed():
        run({"op": "forever"})
    loop.close()
    # Retrieve every exception, so that no "never retrieved" report follows.
    for future in futures:
        if future.done() and not future.cancelled():
            future.exception()
    return trace


def main():
    programs = json.load(sys.stdin)
    json.dump([execute(program) for program in programs], sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
