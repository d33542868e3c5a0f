# Awaiting a task gives its result or raises its exception, one iteration
# after it finishes; a task that is already done gives it without yielding;
# done callbacks on tasks are scheduled with call_soon.
import asyncio


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 6:
        loop.call_soon(tick, loop, n + 1)


async def ok():
    await asyncio.sleep(0)
    print('ok: returns')
    return 'fine'


async def bad():
    await asyncio.sleep(0)
    print('bad: raises')
    raise ValueError('bad')


async def main():
    loop = asyncio.get_running_loop()
    t_ok = asyncio.create_task(ok())
    t_bad = asyncio.create_task(bad())
    loop.call_soon(tick, loop, 0)
    t_ok.add_done_callback(lambda t: print('done callback: ok', t.result()))
    t_bad.add_done_callback(
        lambda t: print('done callback: bad', repr(t.exception())))
    try:
        t_ok.result()
    except asyncio.InvalidStateError as e:
        print('main: result() while pending:', e)
    print('main: awaits t_ok')
    print('main: t_ok gave', await t_ok)
    try:
        await t_bad
    except ValueError as e:
        print('main: t_bad raised', repr(e))
    print('main: awaits the done t_ok again')
    print('main: t_ok gave', await t_ok, 'without yielding')
    print('main: exception()', t_ok.exception(), repr(t_bad.exception()))
    try:
        t_bad.result()
    except ValueError as e:
        print('main: result() raises', repr(e))
    await asyncio.sleep(0)
    print('main: returns')


asyncio.run(main())
