# Cancelling tasks that use a lock at each state: before the task started,
# while it waits, after release() woke it, and while it holds the lock. The
# lock ends unlocked and every other task gets it once, in order.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def worker(lock, name, log):
    try:
        async with lock:
            log.append(name)
            print(f'{name}: holds it, {r(lock)}')
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(f'{name}: cancelled, {r(lock)}')
        raise


async def main():
    lock = asyncio.Lock()
    log = []
    ts = {n: asyncio.create_task(worker(lock, n, log)) for n in 'abcdefg'}
    ts['b'].cancel()
    print('main: b cancelled before it started')
    await asyncio.sleep(0)
    print('main:', r(lock))
    ts['d'].cancel()
    print('main: d cancelled while waiting')
    await asyncio.sleep(0)
    print('main:', r(lock))
    ts['c'].cancel()
    print('main: c cancelled after its wake-up')
    await asyncio.sleep(0)
    print('main:', r(lock))
    await asyncio.sleep(0)
    print('main:', r(lock))
    ts['e'].cancel()
    print('main: e cancelled while holding it')
    results = await asyncio.gather(*ts.values(), return_exceptions=True)
    print('main:', [type(x).__name__ for x in results])
    print('main:', log, r(lock))


asyncio.run(main())
