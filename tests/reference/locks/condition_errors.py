# wait() and notify() need the lock; a condition may share a lock with
# another, and its acquire(), release() and locked() are the lock's.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def main():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print('wait:', e)
    for call in (lambda: cond.notify(), lambda: cond.notify_all()):
        try:
            call()
        except RuntimeError as e:
            print('notify:', e)
    lock = asyncio.Lock()
    c1 = asyncio.Condition(lock)
    c2 = asyncio.Condition(lock)
    print('acquire ->', await c1.acquire(), r(c1), r(c2), r(lock))
    c2.notify()
    c2.release()
    print('released through c2:', r(c1), r(lock))
    async with c2:
        print('in c2:', r(c1))
    print('after:', r(c2))


asyncio.run(main())
