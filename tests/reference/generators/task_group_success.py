# A TaskGroup waits for all its tasks: they start once the body suspends,
# a task may add tasks to the group while it runs, and the block ends when
# the last one is done. An empty group ends at once.
import asyncio


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 7:
        loop.call_soon(tick, loop, n + 1)


async def job(name, steps, tg=None):
    print(f'{name}: starts')
    for _ in range(steps):
        await asyncio.sleep(0)
    if tg is not None:
        tg.create_task(job(f'{name}.child', 2))
        print(f'{name}: added a child to the group')
    print(f'{name}: done')
    return name


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job('a', 2))
        b = tg.create_task(job('b', 1, tg))
        loop.call_soon(tick, loop, 0)
        print('body: created a and b')
        await asyncio.sleep(0)
        print('body: ends')
    print('after the group:', a.result(), b.result())
    async with asyncio.TaskGroup() as tg:
        print('empty body')
    print('empty group done')


asyncio.run(main())
