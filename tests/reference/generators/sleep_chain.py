# Sleeps chained from one another: each step is set off by the previous
# one's wake-up, so the order holds however late the loop wakes. A long
# sleep is cancelled from the chain; its timer never fires. Two sleeps
# that run side by side aim at deadlines from the same moment, so that a
# busy machine cannot turn them around.
import asyncio


async def long_sleeper():
    try:
        await asyncio.sleep(10)
        print('never printed')
    except asyncio.CancelledError:
        print('long: sleep(10) cancelled')
        raise


async def second(loop, target, base):
    print('second: starts, sleeps until base + 0.03')
    await asyncio.sleep(base + 0.03 - loop.time())
    print('second: woke; cancels long')
    target.cancel()
    return 'second'


async def first(loop, target):
    print('first: sleeps 0.02')
    await asyncio.sleep(0.02)
    print('first: woke; starts second')
    base = loop.time()
    t = loop.create_task(second(loop, target, base))
    print('first: sleeps until base + 0.01')
    await asyncio.sleep(base + 0.01 - loop.time())
    print('first: woke again; second done?', t.done())
    return await t


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    target = loop.create_task(long_sleeper())
    chain = loop.create_task(first(loop, target))
    print('main: chain gives', await chain)
    try:
        await target
    except asyncio.CancelledError:
        print('main: long cancelled', target.cancelled())
    print('main: less than 10 s passed:', loop.time() - t0 < 10)


asyncio.run(main())
