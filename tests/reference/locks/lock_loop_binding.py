# A lock binds to the loop it first waits on; a later loop may use it
# without waiting, but waiting there is an error.
import asyncio
import re


def r(x):
    text = str(x) if isinstance(x, Exception) else repr(x)
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', text)


lock = asyncio.Lock()


async def first():
    await lock.acquire()
    t = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    lock.release()
    await t
    print('first: waited,', r(lock))
    lock.release()


async def second():
    print('second: acquire without waiting ->', await lock.acquire())
    try:
        await lock.acquire()
    except RuntimeError as e:
        print('second:', r(e))
    lock.release()
    print('second:', r(lock))


asyncio.run(first())
asyncio.run(second())
