# wait_for() on timeout cancels the awaitable, waits for it to finish, and
# raises TimeoutError; a timeout of 0 cancels a coroutine before it starts.
# An awaitable that swallows the cancellation and returns gives its value;
# one that raises something else on cancellation raises that.
import asyncio


async def slow(name, on_cancel='raise'):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f'{name}: cancelled, then {on_cancel}')
        if on_cancel == 'return':
            return f'{name} returned anyway'
        if on_cancel == 'fail':
            raise ValueError(f'{name} failed while cancelled')
        raise
    return 'never'


async def never_starts():
    print('never printed')


async def main():
    try:
        await asyncio.wait_for(slow('coro'), 0.01)
    except asyncio.TimeoutError:
        print('coro: TimeoutError')
    t = asyncio.create_task(slow('task'))
    try:
        await asyncio.wait_for(t, 0.01)
    except asyncio.TimeoutError:
        print('task: TimeoutError; task cancelled:', t.cancelled())
    try:
        await asyncio.wait_for(never_starts(), 0)
    except asyncio.TimeoutError:
        print('timeout 0: TimeoutError')
    fut = asyncio.get_running_loop().create_future()
    try:
        await asyncio.wait_for(fut, 0.01)
    except asyncio.TimeoutError:
        print('future: TimeoutError; future cancelled:', fut.cancelled())
    print(await asyncio.wait_for(slow('swallower', 'return'), 0.01))
    try:
        await asyncio.wait_for(slow('failer', 'fail'), 0.01)
    except ValueError as e:
        print('failer:', repr(e))
    print('main: cancelling() =', asyncio.current_task().cancelling())


asyncio.run(main())
