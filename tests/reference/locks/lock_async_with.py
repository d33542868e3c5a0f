# async with lock: the lock is held for the block and released however the
# block ends, with an exception or cancelled; the next task in line gets it.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def ok(lock, name):
    async with lock:
        print(f'{name}: in, {r(lock)}')
        await asyncio.sleep(0)
        print(f'{name}: out')
    return name


async def fails(lock, name):
    async with lock:
        print(f'{name}: in, raising')
        await asyncio.sleep(0)
        raise ValueError(name)


async def sleeper(lock, name):
    async with lock:
        print(f'{name}: in, sleeping')
        await asyncio.sleep(10)


async def main():
    lock = asyncio.Lock()
    tasks = [
        asyncio.create_task(ok(lock, 'a')),
        asyncio.create_task(fails(lock, 'b')),
        asyncio.create_task(sleeper(lock, 'c')),
        asyncio.create_task(ok(lock, 'd')),
    ]
    for _ in range(4):
        await asyncio.sleep(0)
    print('main:', r(lock))
    tasks[2].cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print('main:', [x if isinstance(x, str) else type(x).__name__
                    for x in results], r(lock))


asyncio.run(main())
