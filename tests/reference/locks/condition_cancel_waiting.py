# A task cancelled in wait() holds the lock again before the CancelledError
# reaches it: it waits for the lock while another task holds it.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def waiter(cond):
    await cond.acquire()
    try:
        await cond.wait()
    except asyncio.CancelledError:
        print('waiter: cancelled, holds the lock:', cond.locked(), r(cond))
        raise
    finally:
        cond.release()
        print('waiter: released')


async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0)
    print('main:', r(cond))
    await cond.acquire()
    t.cancel()
    for _ in range(3):
        await asyncio.sleep(0)
    print('main: holds the lock; waiter done:', t.done(), r(cond))
    cond.release()
    try:
        await t
    except asyncio.CancelledError:
        print('main: waiter cancelled,', r(cond))


asyncio.run(main())
