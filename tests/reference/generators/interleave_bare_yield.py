# Three tasks loop on sleep(0) with different step counts: each sleep(0)
# yields exactly one iteration, so they take turns in creation order with
# a ticker between them, and finish one by one. (The generator tasks of
# the TypeScript side give up their turn with a bare `yield`, some of them,
# and with `yield* sleep(0)` the others: both are one iteration.)
import asyncio


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 9:
        loop.call_soon(tick, loop, n + 1)


async def stepper(name, steps):
    for i in range(steps):
        print(f'{name} step {i}')
        await asyncio.sleep(0)
    print(f'{name} done')
    return steps


async def alternate(name, steps):
    for i in range(steps):
        print(f'{name} step {i}')
        if i % 2 == 0:
            await asyncio.sleep(0)
        else:
            await asyncio.sleep(0)
    print(f'{name} done')
    return steps


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(tick, loop, 0)
    a = asyncio.create_task(stepper('a', 3))
    b = asyncio.create_task(alternate('b', 1))
    c = asyncio.create_task(alternate('c', 4))
    loop.call_soon(print, 'callback after the tasks')
    print('main: sum', await a + await b + await c)
    await asyncio.sleep(0)
    print('main: after one more sleep(0)')
    await asyncio.sleep(0)
    print('main: after a second one')


asyncio.run(main())
