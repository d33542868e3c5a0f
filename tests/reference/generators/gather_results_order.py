# gather() gives the results in input order whatever the completion order.
# It takes coroutines (wrapped in tasks that start in argument order, and
# named like any task), tasks and futures; the same awaitable twice is
# waited for once and reported twice; gather() of nothing gives [].
import asyncio


async def job(name, steps):
    me = asyncio.current_task().get_name()
    for _ in range(steps):
        await asyncio.sleep(0)
    print(f'{name} ({me}) finishes after {steps} steps')
    return name.upper()


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 'FUT')
    t = asyncio.create_task(job('task', 1))
    results = await asyncio.gather(
        job('a', 3), t, fut, job('b', 0), job('c', 2))
    print('results:', results)
    dup = asyncio.create_task(job('dup', 1))
    coro = job('same coroutine', 1)
    print('duplicates:', await asyncio.gather(dup, coro, dup, fut, coro))
    print('empty:', await asyncio.gather())
    print('main is', asyncio.current_task().get_name())


asyncio.run(main())
