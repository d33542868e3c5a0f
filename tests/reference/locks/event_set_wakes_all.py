# Event.set() from a plain callback wakes every waiter, in the order they
# started waiting; wait() on a set event returns at once, without yielding.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def waiter(event, name):
    print(f'{name}: waits')
    print(f'{name}: woke ->', await event.wait())
    return name


async def ticker(n):
    for i in range(n):
        print(f'tick {i}')
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    event = asyncio.Event()
    print('main:', r(event), event.is_set())
    tasks = [asyncio.create_task(waiter(event, n)) for n in 'abc']
    await asyncio.sleep(0)
    print('main:', r(event))
    loop.call_soon(event.set)
    t = asyncio.create_task(ticker(3))
    print('main:', await asyncio.gather(*tasks), r(event), event.is_set())
    await t
    print('main: set again, no change:', event.set(), r(event))
    tick = asyncio.create_task(ticker(1))
    print('main: wait on a set event ->', await event.wait(), tick.done())
    await tick


asyncio.run(main())
