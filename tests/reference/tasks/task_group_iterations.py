# The iterations a TaskGroup takes, against a ticker: the block ends one
# iteration after its last task finishes (when the body has ended before),
# and at once when its tasks are already done when the body ends.
import asyncio


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 10:
        loop.call_soon(tick, loop, n + 1)


async def child(name, steps):
    for _ in range(steps):
        await asyncio.sleep(0)
    print(f'{name}: ends')
    return name


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(tick, loop, 0)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child('a', 3))
        tg.create_task(child('b', 1))
        print('body 1: ends')
    print('group 1: done')
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(child('c', 0))
        for _ in range(3):
            await asyncio.sleep(0)
        print('body 2: ends; c done:', t.done())
    print('group 2: done')


asyncio.run(main())
