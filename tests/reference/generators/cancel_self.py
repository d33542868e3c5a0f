# A task may cancel itself: the CancelledError arrives at its next await
# that yields (sleep), not at an await of a future that is already done; a
# task that cancels itself and returns without yielding ends cancelled all
# the same, and one that catches its own cancellation goes on.
import asyncio


async def at_sleep():
    me = asyncio.current_task()
    print('at_sleep: cancel(self) ->', me.cancel('self'))
    done = asyncio.get_running_loop().create_future()
    done.set_result('done value')
    print('at_sleep: awaiting a done future gives', await done)
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print('at_sleep: CancelledError at sleep(0):', repr(e.args[0]))
        raise


async def at_return():
    asyncio.current_task().cancel()
    print('at_return: cancelled itself, returns a value')
    return 'lost'


async def catches():
    me = asyncio.current_task()
    me.cancel('once')
    try:
        await asyncio.sleep(0.01)
        print('never printed')
    except asyncio.CancelledError as e:
        print('catches: caught', repr(e.args[0]), 'cancelling() =', me.cancelling())
    me.uncancel()
    await asyncio.sleep(0)
    return 'recovered'


async def main():
    for coro in (at_sleep(), at_return(), catches()):
        t = asyncio.create_task(coro)
        try:
            print('main: result', await t)
        except asyncio.CancelledError:
            print('main: CancelledError; cancelled() =', t.cancelled())


asyncio.run(main())
