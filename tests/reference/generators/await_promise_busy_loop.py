# A task awaits work that ends within a few iterations (a coroutine that
# awaits a future, wait_for(), a TaskGroup, a timeout block) while another
# task keeps the loop busy for 100 iterations: each await is over long
# before the busy task is done.
import asyncio


async def spinner(steps):
    for _ in range(steps):
        await asyncio.sleep(0)
    print('spinner: done')


async def helper(fut):
    return 2 * await fut


async def job(name):
    await asyncio.sleep(0)
    return name


async def main():
    loop = asyncio.get_running_loop()
    s = asyncio.create_task(spinner(100))
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 21)
    print('main: helper gives', await helper(fut), '; spinner done:', s.done())
    print('main: wait_for gives', await asyncio.wait_for(job('w'), 1),
          '; spinner done:', s.done())
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(job('tg'))
    print('main: the group gives', t.result(), '; spinner done:', s.done())
    async with asyncio.timeout(1):
        value = await job('timeout')
    print('main: in the timeout block', value, '; spinner done:', s.done())
    await s


asyncio.run(main())
