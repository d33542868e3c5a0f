# async with a Semaphore(2) lets at most two workers in at a time; the
# others enter in the order they came, as slots free up.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


inside = 0


async def worker(sem, i):
    global inside
    async with sem:
        inside += 1
        print(f'w{i}: in ({inside} inside), {r(sem)}')
        for _ in range(i % 3 + 1):
            await asyncio.sleep(0)
        inside -= 1
        print(f'w{i}: out')
    return i


async def main():
    sem = asyncio.BoundedSemaphore(2)
    ts = [asyncio.create_task(worker(sem, i)) for i in range(6)]
    await asyncio.sleep(0)
    print('main:', r(sem))
    print('main:', await asyncio.gather(*ts), r(sem))


asyncio.run(main())
