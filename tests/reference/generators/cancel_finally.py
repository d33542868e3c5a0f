# Cancellation unwinds the coroutine stack: finally blocks of every nested
# coroutine run, innermost first, and may await while they clean up (a
# second cancel() during the cleanup lands at the cleanup's await). A task
# that cancels itself gets the CancelledError at its next suspension (a
# sleep(0) here), or ends cancelled when it returns right away.
import asyncio

log = []


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 9:
        loop.call_soon(tick, loop, n + 1)


async def leaf(name):
    try:
        print(f'{name}: leaf waits')
        await asyncio.sleep(10)
    finally:
        print(f'{name}: leaf finally')


async def middle(name):
    try:
        await leaf(name)
    finally:
        print(f'{name}: middle finally, cleans up')
        await asyncio.sleep(0)
        print(f'{name}: middle cleaned up')


async def top(name):
    try:
        await middle(name)
    except asyncio.CancelledError:
        print(f'{name}: top sees CancelledError')
        raise
    finally:
        print(f'{name}: top finally')


async def slow_cleanup():
    try:
        await asyncio.sleep(10)
    finally:
        print('slow_cleanup: first cleanup await')
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print('slow_cleanup: cancelled again during cleanup')
            raise


async def self_cancel(then_return):
    me = asyncio.current_task()
    print('self_cancel: cancel() ->', me.cancel('myself'), 'then_return', then_return)
    if then_return:
        return 'returned'
    try:
        print('self_cancel: sleep(0)')
        await asyncio.sleep(0)
        print('never printed')
    except asyncio.CancelledError as e:
        print('self_cancel: caught', repr(e.args[0]))
        raise


async def outcome(t):
    try:
        return repr(await t)
    except asyncio.CancelledError:
        return 'CancelledError'


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(tick, loop, 0)
    t = asyncio.create_task(top('t'))
    await asyncio.sleep(0)
    print('main: cancel() ->', t.cancel())
    print('main: t gives', await outcome(t))

    s = asyncio.create_task(slow_cleanup())
    await asyncio.sleep(0)
    s.cancel()
    await asyncio.sleep(0)
    print('main: s still pending:', not s.done())
    s.cancel()
    print('main: s gives', await outcome(s), s.cancelling())

    for then_return in (False, True):
        c = asyncio.create_task(self_cancel(then_return))
        print('main: self_cancel gives', await outcome(c), c.cancelled())


asyncio.run(main())
