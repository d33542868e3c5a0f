# Several tasks awaiting the same task, with done callbacks added between
# them: when it finishes, the awaiters resume and the callbacks run in the
# order they were registered, all in the next iteration. The same holds
# when the task is cancelled. (In TypeScript the target and awaiter `a`
# are generators, awaiter `b` is an async function: a generator resumes in
# its place among the done callbacks, as an async function does.)
import asyncio


async def target(gate):
    return await gate


async def awaiter(name, t):
    try:
        print(f'{name}: got', await t)
    except asyncio.CancelledError:
        print(f'{name}: got CancelledError')


async def main():
    loop = asyncio.get_running_loop()
    for cancel in (False, True):
        gate = loop.create_future()
        t = asyncio.create_task(target(gate))
        t.add_done_callback(lambda t: print('callback 1'))
        a = asyncio.create_task(awaiter('a', t))
        await asyncio.sleep(0)
        t.add_done_callback(lambda t: print('callback 2'))
        b = asyncio.create_task(awaiter('b', t))
        await asyncio.sleep(0)
        t.add_done_callback(lambda t: print('callback 3'))
        loop.call_soon(print, 'plain callback')
        if cancel:
            t.cancel()
        else:
            gate.set_result('value')
        print('main: waits')
        await asyncio.gather(a, b)
        print('main: both awaiters done')


asyncio.run(main())
