# Nested TaskGroups. A failure in the inner group cancels the inner tasks
# and raises its ExceptionGroup into the outer body, so the outer group
# cancels its tasks too and wraps it: an ExceptionGroup in an
# ExceptionGroup. A failure in the outer group cancels the inner body,
# whose group passes the cancellation up; only the outer failure is raised.
import asyncio


async def sibling(name):
    try:
        for _ in range(100):
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(f'{name}: cancelled')
        raise


async def failing(name, steps):
    for _ in range(steps):
        await asyncio.sleep(0)
    print(f'{name}: raises')
    raise ValueError(f'{name} failed')


def show(e, indent=''):
    if isinstance(e, BaseExceptionGroup):
        print(f'{indent}{type(e).__name__} {e.message!r}')
        for sub in e.exceptions:
            show(sub, indent + '  ')
    else:
        print(f'{indent}{type(e).__name__}: {e}')


async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(sibling('outer sibling'))
            async with asyncio.TaskGroup() as inner:
                inner.create_task(sibling('inner sibling'))
                inner.create_task(failing('inner', 2))
            print('never printed')
    except ExceptionGroup as eg:
        show(eg)
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(failing('outer', 3))
            try:
                async with asyncio.TaskGroup() as inner:
                    inner.create_task(sibling('inner sibling'))
                    await asyncio.sleep(10)
            except asyncio.CancelledError:
                print('inner group: raised CancelledError')
                raise
    except ExceptionGroup as eg:
        show(eg)
    print('main: cancelling() =', asyncio.current_task().cancelling())


asyncio.run(main())
