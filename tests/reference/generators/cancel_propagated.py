# A cancellation that is not caught unwinds the task through its nested
# coroutines, running their finally blocks innermost first; the task ends
# cancelled, and a task awaiting it gets CancelledError without being
# cancelled itself.
import asyncio


async def inner():
    try:
        print('inner: awaits a future nobody sets')
        await asyncio.get_running_loop().create_future()
    finally:
        print('inner: finally')


async def middle():
    try:
        await inner()
        print('never printed')
    finally:
        print('middle: finally')


async def outer():
    try:
        await middle()
    finally:
        print('outer: finally, task cancelling() =',
              asyncio.current_task().cancelling())


async def watcher(t):
    try:
        await t
    except asyncio.CancelledError:
        me = asyncio.current_task()
        print('watcher: got CancelledError; cancelled itself?', me.cancelling())
    return 'watcher survived'


async def main():
    t = asyncio.create_task(outer())
    w = asyncio.create_task(watcher(t))
    await asyncio.sleep(0)
    print('main: cancels outer')
    t.cancel()
    print('main: watcher gives', await w)
    print('main: outer cancelled()', t.cancelled(), 'done()', t.done())
    try:
        t.result()
    except asyncio.CancelledError:
        print('main: result() raises CancelledError')
    try:
        t.exception()
    except asyncio.CancelledError:
        print('main: exception() raises CancelledError')


asyncio.run(main())
