# A task awaits a coroutine of its own through ensure_future() while
# another task wakes up: the coroutine's awaits belong to the task that
# ensure_future() made, not to the other task. So current_task() in the
# coroutine is not the other task, and cancelling the other task cancels
# that task alone, not the future the coroutine awaits.
import asyncio


async def helper(fut_h, fut_h2, a):
    await fut_h
    print('helper: resumed; current task is A:', asyncio.current_task() is a)
    try:
        await fut_h2
    except asyncio.CancelledError:
        print('helper: cancelled')
        raise
    return 'helper value'


async def a_body(fut_a):
    await fut_a
    try:
        await asyncio.get_running_loop().create_future()
    except asyncio.CancelledError:
        print('A: cancelled')
        raise


async def g_body(fut_h, fut_h2, a):
    await asyncio.sleep(0)
    try:
        print('G: got', await asyncio.ensure_future(helper(fut_h, fut_h2, a)))
    except asyncio.CancelledError:
        print('G: cancelled')


async def main():
    loop = asyncio.get_running_loop()
    fut_a = loop.create_future()
    fut_h = loop.create_future()
    fut_h2 = loop.create_future()
    a = loop.create_task(a_body(fut_a), name='A')
    g = loop.create_task(g_body(fut_h, fut_h2, a), name='G')
    await asyncio.sleep(0)
    fut_a.set_result(None)
    await asyncio.sleep(0.01)
    fut_h.set_result(None)
    await asyncio.sleep(0.01)
    print('main: cancel(A) ->', a.cancel())
    await asyncio.sleep(0.01)
    print('main: A done', a.done(), '; G done', g.done())
    if not fut_h2.done():
        fut_h2.set_result(None)
    await asyncio.sleep(0.01)
    print('main: A cancelled', a.cancelled(), '; G done', g.done())
    if not a.done():
        a.cancel()
    await asyncio.gather(a, g, return_exceptions=True)


asyncio.run(main())
