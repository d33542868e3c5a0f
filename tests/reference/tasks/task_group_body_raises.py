# When the body of a TaskGroup raises, the group cancels its tasks (those
# not started yet never run), waits for them, and raises an ExceptionGroup
# with the body's exception last. A group that has ended refuses new tasks.
# (The group cancels its tasks in the order of a set, so only one of those
# waiting on a timer prints.)
import asyncio


async def sibling():
    await asyncio.sleep(10)


async def failing_on_cancel():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('failing_on_cancel: raises while cancelled')
        raise ValueError('cleanup failed')


async def never():
    print('never printed')


def show(eg):
    print(type(eg).__name__, repr(eg.message),
          [f'{type(e).__name__}: {e}' for e in eg.exceptions])


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            s1 = tg.create_task(sibling())
            tg.create_task(failing_on_cancel())
            await asyncio.sleep(0)
            print('body: raises')
            raise ValueError('body failed')
    except ExceptionGroup as eg:
        show(eg)
        print('sibling cancelled:', s1.cancelled())
    try:
        async with asyncio.TaskGroup() as tg:
            t = tg.create_task(never())
            raise ValueError('at once')
    except ExceptionGroup as eg:
        show(eg)
        print('unstarted task cancelled:', t.cancelled())
    coro = never()
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print('create_task() after the end:', str(e).endswith('is finished'))
    coro.close()


asyncio.run(main())
