# Awaiting a chain of coroutines that never suspend does not yield, however
# deep the chain: the task runs on before the callback it queued.
import asyncio

loop = asyncio.new_event_loop()


async def deep(n):
    if n == 0:
        return 0
    return 1 + await deep(n - 1)


async def main():
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 'x')
    await fut
    loop.call_soon(print, 'callback queued after the resume')
    for depth in (5, 20, 100):
        print('depth', await deep(depth))
    print('main continues before the callback')
    other = loop.create_future()
    loop.call_soon(other.set_result, 'y')
    await other
    print('main done')


loop.run_until_complete(main())
loop.close()
