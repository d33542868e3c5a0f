# create_task(coro()) starts the coroutine one iteration later, behind the
# callbacks already queued; tasks start in creation order, and a task made
# by a running task starts after the rest of that iteration.
import asyncio


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 6:
        loop.call_soon(tick, loop, n + 1)


async def child(name):
    print(f'{name}: starts')
    await asyncio.sleep(0)
    print(f'{name}: after sleep(0)')
    return name


async def parent():
    print('parent: starts')
    loop = asyncio.get_running_loop()
    grandchild = loop.create_task(child('grandchild'))
    loop.call_soon(print, 'callback from parent')
    print('parent: grandchild created, done:', grandchild.done())
    result = await grandchild
    print('parent: grandchild returned', result)
    return 'parent'


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(tick, loop, 0)
    loop.call_soon(print, 'callback A')
    t1 = loop.create_task(child('t1'))
    loop.call_soon(print, 'callback B')
    t2 = asyncio.create_task(parent())
    loop.call_soon(print, 'callback C')
    print('main: created t1 and t2; done:', t1.done(), t2.done())
    await asyncio.sleep(0)
    print('main: after sleep(0)')
    print('main: t1 gives', await t1)
    print('main: t2 gives', await t2)
    return 'main'


print(asyncio.run(main()))
