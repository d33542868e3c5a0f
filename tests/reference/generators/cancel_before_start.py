# A task cancelled before its first step never runs its code: it is not
# cancelled yet right after cancel(), but becomes so on the iteration where
# it would have started, and its done callbacks run after that. (The
# TypeScript side runs a generator function in one task and a generator
# object in the other: neither runs a line of its code.)
import asyncio


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 4:
        loop.call_soon(tick, loop, n + 1)


async def never(name):
    print('never printed', name)


def msg(e):
    return repr(e.args[0]) if e.args else 'no message'


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(tick, loop, 0)
    t = asyncio.create_task(never('t'))
    t.add_done_callback(lambda t: print('done callback: t cancelled', t.cancelled()))
    u = asyncio.create_task(never('u'))
    u.add_done_callback(lambda u: print('done callback: u cancelled', u.cancelled()))
    other = asyncio.create_task(asyncio.sleep(0, 'other ran'))
    print('cancel() ->', t.cancel(), 'and again ->', t.cancel('second'))
    print('u.cancel("first") ->', u.cancel('first'))
    print('cancelling() =', t.cancelling(), u.cancelling())
    print('right after: done', t.done(), 'cancelled', t.cancelled())
    await asyncio.sleep(0)
    print('one iteration later: done', t.done(), 'cancelled', t.cancelled(),
          u.done(), u.cancelled())
    print('other:', await other)
    try:
        await t
    except asyncio.CancelledError as e:
        print('await t: CancelledError', msg(e))
    try:
        await u
    except asyncio.CancelledError as e:
        print('await u: CancelledError', msg(e))


asyncio.run(main())
