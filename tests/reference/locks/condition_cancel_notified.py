# A waiter notified and then cancelled before it runs passes the
# notification on to the next waiter (3.13, gh-112202): notify(1) still
# wakes one task.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def waiter(cond, name):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError:
            print(f'{name}: cancelled, {r(cond)}')
            raise
        print(f'{name}: notified, {r(cond)}')


async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(cond, n)) for n in 'abc']
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
        print('main: notify(1),', r(cond))
    tasks[0].cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print('main:', [t.done() for t in tasks], r(cond))
    async with cond:
        cond.notify_all()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print('main:', [type(x).__name__ for x in results], r(cond))


asyncio.run(main())
