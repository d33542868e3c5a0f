# A waiter cancelled after release() woke it gives its slot to the next
# waiter (3.13, gh-111693); one cancelled while it waits just leaves. The
# count stays right either way.
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
    await asyncio.sleep(0)
    sem.release()
    print(f'{name}: released, {r(sem)}')


async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    ts = [asyncio.create_task(take(sem, n)) for n in 'abcd']
    await asyncio.sleep(0)
    print('main:', r(sem))
    ts[1].cancel()
    await asyncio.sleep(0)
    print('main: b cancelled while waiting,', r(sem))
    sem.release()
    print('main: released,', r(sem))
    ts[0].cancel()
    print('main: a cancelled after its wake-up')
    results = await asyncio.gather(*ts, return_exceptions=True)
    print('main:', [type(x).__name__ for x in results], r(sem))


asyncio.run(main())
