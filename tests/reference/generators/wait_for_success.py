# wait_for() returns the result when the awaitable finishes in time: a
# coroutine, a task, a future set by a timer, one already done, and with no
# timeout at all; an exception of the awaitable comes through as it is.
import asyncio


async def work(delay, value):
    await asyncio.sleep(delay)
    return value


async def fails():
    await asyncio.sleep(0.01)
    raise ValueError('inner failed')


async def main():
    loop = asyncio.get_running_loop()
    print('coroutine:', await asyncio.wait_for(work(0.01, 'coro'), 1))
    t = asyncio.create_task(work(0.01, 'task'))
    print('task:', await asyncio.wait_for(t, 1), t.done())
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, 'timer')
    print('future:', await asyncio.wait_for(fut, 1))
    done = loop.create_future()
    done.set_result('done already')
    print('done future:', await asyncio.wait_for(done, 1))
    print('done future, timeout 0:', await asyncio.wait_for(done, 0))
    print('no timeout:', await asyncio.wait_for(work(0.01, 'none'), None))
    try:
        await asyncio.wait_for(fails(), 1)
    except ValueError as e:
        print('failure:', repr(e))


asyncio.run(main())
