# Tasks of both kinds in one program (on the TypeScript side, `async`
# functions and generators): each kind awaits tasks of the other, gets
# their results and exceptions one iteration after they finish, and a
# cancellation goes down a chain that alternates between the kinds, to the
# innermost task, and back up. The ticker shows that the steps interleave
# as asyncio's.
import asyncio


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 24:
        loop.call_soon(tick, loop, n + 1)


async def a_child(name, steps, fail=False):  # async in TypeScript
    for i in range(steps):
        await asyncio.sleep(0)
        print(f'{name}: step {i}')
    if fail:
        raise ValueError(f'{name} failed')
    return name


async def g_child(name, steps, fail=False):  # a generator in TypeScript
    for i in range(steps):
        await asyncio.sleep(0)
        print(f'{name}: step {i}')
    if fail:
        raise ValueError(f'{name} failed')
    return name


async def g_awaits_a():  # a generator
    t = asyncio.create_task(a_child('a1', 2))
    print('g_awaits_a: got', await t)
    try:
        await asyncio.create_task(a_child('a2', 1, fail=True))
    except ValueError as e:
        print('g_awaits_a: caught', repr(e))
    return 'g done'


async def a_awaits_g():  # async
    t = asyncio.create_task(g_child('g1', 3))
    print('a_awaits_g: got', await t)
    try:
        await asyncio.create_task(g_child('g2', 1, fail=True))
    except ValueError as e:
        print('a_awaits_g: caught', repr(e))
    return 'a done'


async def a_level(depth):  # async
    name = f'level {depth} (a)'
    try:
        if depth == 0:
            await asyncio.sleep(10)
        return await asyncio.create_task(g_level(depth - 1))
    except asyncio.CancelledError:
        print(f'{name}: cancelled')
        raise


async def g_level(depth):  # a generator
    name = f'level {depth} (g)'
    try:
        if depth == 0:
            await asyncio.sleep(10)
        return await asyncio.create_task(a_level(depth - 1))
    except asyncio.CancelledError:
        print(f'{name}: cancelled')
        raise


async def main():  # async
    loop = asyncio.get_running_loop()
    loop.call_soon(tick, loop, 0)
    x = asyncio.create_task(g_awaits_a())
    y = asyncio.create_task(a_awaits_g())
    print('main: got', await x, await y)
    top = asyncio.create_task(g_level(5))
    for _ in range(7):
        await asyncio.sleep(0)
    print('main: cancels the top of the chain')
    top.cancel()
    try:
        await top
    except asyncio.CancelledError:
        print('main: the chain is cancelled:', top.cancelled())


asyncio.run(main())
