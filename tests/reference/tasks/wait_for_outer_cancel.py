# Cancelling a task that waits in wait_for() cancels the inner awaitable
# too, waits for it, and raises CancelledError, not TimeoutError; the
# main task is not cancelled. A task passed to wait_for is cancelled
# with it.
import asyncio


def msg(e):
    return repr(e.args[0]) if e.args else 'no message'


async def inner(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f'{name}: cancelled')
        raise


async def outer(awaitable):
    try:
        await asyncio.wait_for(awaitable, 5)
    except asyncio.TimeoutError:
        print('outer: TimeoutError')
    except asyncio.CancelledError as e:
        print('outer: CancelledError with', msg(e))
        raise


async def main():
    o = asyncio.create_task(outer(inner('coro')))
    await asyncio.sleep(0.01)
    o.cancel('from main')
    try:
        await o
    except asyncio.CancelledError:
        print('main: outer cancelled:', o.cancelled())
    t = asyncio.create_task(inner('task'))
    o = asyncio.create_task(outer(t))
    await asyncio.sleep(0.01)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        print('main: outer cancelled:', o.cancelled(), '; task:', t.cancelled())
    print('main: cancelling() =', asyncio.current_task().cancelling())


asyncio.run(main())
