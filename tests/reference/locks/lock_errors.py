# Releasing an unlocked lock is an error with asyncio's message; acquire()
# returns True, and the lock is not owned by a task: another task may
# release it.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def releaser(lock):
    lock.release()
    print('releaser: released it,', r(lock))


async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print('release unlocked:', e)
    print('acquire ->', await lock.acquire(), lock.locked())
    await asyncio.create_task(releaser(lock))
    try:
        lock.release()
    except RuntimeError as e:
        print('release again:', e)
    print('final:', r(lock))


asyncio.run(main())
