# A waiter cancelled while it still waits leaves the queue; the lock goes to
# the next one in line. A waiter cancelled after release() chose it (its
# future done, the task not run yet) passes the lock on to the next waiter,
# so no wake-up is lost and the lock is not left held.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def waiter(lock, name):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        print(f'{name}: cancelled, {r(lock)}')
        raise
    print(f'{name}: acquired, {r(lock)}')
    await asyncio.sleep(0)
    lock.release()
    print(f'{name}: released')


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    a = asyncio.create_task(waiter(lock, 'a'))
    b = asyncio.create_task(waiter(lock, 'b'))
    c = asyncio.create_task(waiter(lock, 'c'))
    await asyncio.sleep(0)
    print('main:', r(lock))
    b.cancel()
    await asyncio.sleep(0)
    print('main: b cancelled while waiting,', r(lock))
    lock.release()
    print('main: released,', r(lock))
    a.cancel()
    print('main: a cancelled after its wake-up')
    results = await asyncio.gather(a, b, c, return_exceptions=True)
    print('main:', [type(x).__name__ for x in results], r(lock))


asyncio.run(main())
