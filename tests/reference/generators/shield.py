# shield(): cancelling the task that awaits a shielded task raises
# CancelledError there at once, but the inner task keeps running and
# completes; cancelling the inner task cancels the shield; the inner task's
# exception comes through; a shield of a done future gives its result.
import asyncio


async def inner(name, steps, fail=False):
    for i in range(steps):
        await asyncio.sleep(0)
    if fail:
        print(f'{name}: raises')
        raise ValueError(f'{name} failed')
    print(f'{name}: done')
    return f'{name} result'


async def waiter(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print('waiter: cancelled; inner done?', t.done())
        raise


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(inner('inner', 3))
    w = asyncio.create_task(waiter(t))
    await asyncio.sleep(0)
    print('main: cancels the waiter')
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print('main: waiter cancelled', w.cancelled(), '; inner cancelled', t.cancelled())
    print('main: inner gives', await t)

    t2 = asyncio.create_task(inner('t2', 3))
    s = asyncio.shield(t2)
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print('main: shield of a cancelled task: cancelled', s.cancelled())

    try:
        await asyncio.shield(inner('failing', 1, fail=True))
    except ValueError as e:
        print('main: shield passes on', repr(e))

    done = loop.create_future()
    done.set_result('done value')
    print('main: shield of a done future:', await asyncio.shield(done))


asyncio.run(main())
