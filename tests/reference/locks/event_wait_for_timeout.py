# wait_for() on event.wait(): it times out and leaves no waiter behind, or
# returns True when the event is set in time.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def main():
    loop = asyncio.get_running_loop()
    event = asyncio.Event()
    try:
        await asyncio.wait_for(event.wait(), 0.01)
    except TimeoutError:
        print('main: timed out,', r(event))
    loop.call_later(0.01, event.set)
    print('main: wait_for ->', await asyncio.wait_for(event.wait(), 5), r(event))


asyncio.run(main())
