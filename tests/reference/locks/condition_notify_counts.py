# notify(n) wakes the first n waiters (fewer if fewer wait), notify(0) none,
# notify_all() the rest; each woken task returns from wait() once it holds
# the lock again, one after the other, in FIFO order.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def waiter(cond, name):
    async with cond:
        print(f'{name}: waits')
        result = await cond.wait()
        print(f'{name}: woke -> {result}, {r(cond)}')
        await asyncio.sleep(0)
    return name


async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(cond, n)) for n in 'abcdef']
    await asyncio.sleep(0)
    print('main:', r(cond))
    async with cond:
        cond.notify(0)
        print('main: notify(0),', r(cond))
        cond.notify(2)
        print('main: notify(2),', r(cond))
    for _ in range(3):
        await asyncio.sleep(0)
    print('main:', r(cond))
    async with cond:
        cond.notify()
        cond.notify_all()
        print('main: notify(), notify_all(),', r(cond))
    print('main:', await asyncio.gather(*tasks), r(cond))
    async with cond:
        cond.notify(10)
        print('main: notify(10) with nobody waiting,', r(cond))


asyncio.run(main())
