# Cancelling the task that runs a TaskGroup cancels the group's tasks; the
# group waits for them and lets the CancelledError through. If a task fails
# while being cancelled, the failure wins: the group raises an
# ExceptionGroup instead.
import asyncio


async def child(name, fail_on_cancel=False):
    try:
        for _ in range(100):
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(f'{name}: cancelled')
        if fail_on_cancel:
            raise ValueError(f'{name} failed on cancel')
        raise


async def runner(fail_on_cancel):
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child('c1'))
            tg.create_task(child('c2', fail_on_cancel))
            print('runner: body waits')
            await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('runner: CancelledError out of the group')
        raise
    except ExceptionGroup as eg:
        print('runner: ExceptionGroup', [str(e) for e in eg.exceptions])
        return 'runner returned'


async def main():
    for fail in (False, True):
        t = asyncio.create_task(runner(fail))
        for _ in range(3):
            await asyncio.sleep(0)
        print('main: cancels the runner')
        t.cancel()
        try:
            print('main:', await t)
        except asyncio.CancelledError:
            print('main: runner cancelled', t.cancelled())


asyncio.run(main())
