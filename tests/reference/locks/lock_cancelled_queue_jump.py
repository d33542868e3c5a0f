# When every waiter is cancelled, a newcomer takes a free lock at once
# instead of queueing behind them (asyncio's "jumping the queue"); while one
# waiter is not cancelled, the newcomer waits its turn.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    ws = [asyncio.create_task(lock.acquire()) for _ in range(3)]
    await asyncio.sleep(0)
    print('main:', r(lock))
    for w in ws:
        w.cancel()
    lock.release()
    print('main: all cancelled, released,', r(lock))
    print('main: newcomer ->', await lock.acquire(), r(lock))
    await asyncio.gather(*ws, return_exceptions=True)
    print('main:', [w.cancelled() for w in ws], r(lock))

    w1 = asyncio.create_task(lock.acquire())
    w2 = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    w1.cancel()
    lock.release()
    print('main: one of two cancelled, released,', r(lock))
    late = asyncio.create_task(lock.acquire())
    print('main: w2 ->', await w2, 'late', late.done(), r(lock))
    lock.release()
    print('main: late ->', await late, r(lock))
    lock.release()
    print('main:', r(lock), w1.cancelled())

asyncio.run(main())
