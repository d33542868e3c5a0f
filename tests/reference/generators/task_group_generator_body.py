# When a task of a TaskGroup fails, the group cancels the other tasks and
# the body, waits for them, and raises an ExceptionGroup of the failures in
# the order they happened (tasks failing in the same iteration, and one
# that fails while being cancelled, are all in it). As in Python 3.11, a
# failure after the body ended leaves the parent's cancel request counted.
import asyncio


async def sibling(name, steps=100):
    try:
        for _ in range(steps):
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(f'{name}: cancelled by the group')
        raise
    return name


async def failing(name, steps):
    for _ in range(steps):
        await asyncio.sleep(0)
    print(f'{name}: raises')
    raise ValueError(f'{name} failed')


async def bitter():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('bitter: cancelled; raises instead')
        raise KeyError('bitter')


def show(eg):
    print(type(eg).__name__, repr(eg.message),
          [f'{type(e).__name__}: {e}' for e in eg.exceptions])


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling('s1'))
            tg.create_task(failing('f', 2))
            tg.create_task(sibling('s2'))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print('body: cancelled while it waits')
                raise
    except ExceptionGroup as eg:
        show(eg)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing('x', 1))
            tg.create_task(failing('y', 1))
            tg.create_task(bitter())
            print('body: ends without waiting')
    except ExceptionGroup as eg:
        show(eg)
    print('main: cancelling() =', asyncio.current_task().cancelling())


asyncio.run(main())
