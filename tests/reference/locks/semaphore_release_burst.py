# Several releases in one step wake that many waiters; a woken waiter that
# is cancelled hands its slot on, and the last one through wakes whoever
# may still go (the finally block of 3.13's acquire()).
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def take(sem, name):
    try:
        await sem.acquire()
    except asyncio.CancelledError:
        print(f'{name}: cancelled, {r(sem)}')
        raise
    print(f'{name}: acquired, {r(sem)}')


async def main():
    sem = asyncio.Semaphore(0)
    ts = [asyncio.create_task(take(sem, n)) for n in 'abcde']
    await asyncio.sleep(0)
    for _ in range(3):
        sem.release()
    print('main: released 3,', r(sem))
    ts[0].cancel()
    ts[1].cancel()
    print('main: a and b cancelled')
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print('main:', [t.done() for t in ts], r(sem))
    sem.release()
    sem.release()
    results = await asyncio.gather(*ts, return_exceptions=True)
    print('main:', [type(x).__name__ for x in results], r(sem))


asyncio.run(main())
