# set() then clear() before the waiters run still wakes them all (their
# futures are done); a waiter that comes after clear() waits for the next
# set(); cancelling a waiter leaves the event alone.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def waiter(event, name):
    try:
        await event.wait()
        print(f'{name}: woke, is_set() = {event.is_set()}')
    except asyncio.CancelledError:
        print(f'{name}: cancelled, {r(event)}')
        raise


async def main():
    event = asyncio.Event()
    a = asyncio.create_task(waiter(event, 'a'))
    b = asyncio.create_task(waiter(event, 'b'))
    await asyncio.sleep(0)
    event.set()
    event.clear()
    print('main: set and cleared,', r(event))
    c = asyncio.create_task(waiter(event, 'c'))
    await asyncio.gather(a, b)
    print('main: a and b done; c', c.done(), r(event))
    d = asyncio.create_task(waiter(event, 'd'))
    await asyncio.sleep(0)
    print('main:', r(event))
    c.cancel()
    await asyncio.sleep(0)
    print('main:', r(event), c.cancelled())
    event.set()
    await d
    b.cancel()
    print('main: set,', r(event), 'cancel() of a done waiter ->', b.cancel())


asyncio.run(main())
