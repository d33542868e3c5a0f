# Tasks contending for one Lock get it in the order they asked for it, each
# release hands it to the head of the queue, and the repr counts waiters.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def worker(lock, name, rounds):
    for i in range(rounds):
        await lock.acquire()
        try:
            print(f'{name}: holds it ({i}), {r(lock)}')
            await asyncio.sleep(0)
        finally:
            lock.release()
        await asyncio.sleep(0)
    print(f'{name}: done')


async def main():
    lock = asyncio.Lock()
    print('main:', r(lock), lock.locked())
    print('main: acquire ->', await lock.acquire(), r(lock))
    tasks = [asyncio.create_task(worker(lock, n, 2)) for n in 'abcd']
    await asyncio.sleep(0)
    print('main:', r(lock))
    lock.release()
    print('main: released,', r(lock), lock.locked())
    await asyncio.gather(*tasks)
    print('main:', r(lock))


asyncio.run(main())
