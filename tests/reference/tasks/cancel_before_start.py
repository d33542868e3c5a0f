# A task cancelled before its first step never runs its code: it is not
# cancelled yet right after cancel(), but becomes so on the iteration where
# it would have started, and its done callbacks run after that.
import asyncio


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 4:
        loop.call_soon(tick, loop, n + 1)


async def never():
    print('never printed')


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(tick, loop, 0)
    t = asyncio.create_task(never())
    t.add_done_callback(lambda t: print('done callback: cancelled', t.cancelled()))
    other = asyncio.create_task(asyncio.sleep(0, 'other ran'))
    print('cancel() ->', t.cancel(), 'and again ->', t.cancel('second'))
    print('cancelling() =', t.cancelling())
    print('right after: done', t.done(), 'cancelled', t.cancelled())
    await asyncio.sleep(0)
    print('one iteration later: done', t.done(), 'cancelled', t.cancelled())
    print('other:', await other)
    try:
        await t
    except asyncio.CancelledError:
        print('await t: CancelledError')


asyncio.run(main())
