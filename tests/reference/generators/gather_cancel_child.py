# A child of a gather that is cancelled on its own makes the gather raise
# CancelledError (its message included) while the other children keep
# running; the task awaiting the gather is not itself cancelled. Cancelling
# the task that awaits a gather cancels the gather and so every child.
import asyncio


def msg(e):
    return repr(e.args[0]) if e.args else 'no message'


async def child(name, steps):
    try:
        for _ in range(steps):
            await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print(f'{name}: cancelled with', msg(e))
        raise
    print(f'{name}: returns')
    return name


async def waiter(g):
    try:
        return await g
    except asyncio.CancelledError as e:
        me = asyncio.current_task()
        print('waiter: CancelledError with', msg(e), '; cancelling() =',
              me.cancelling())
        raise


async def main():
    kids = [asyncio.create_task(child(n, 3)) for n in ('a', 'b', 'c')]
    w = asyncio.create_task(waiter(asyncio.gather(*kids)))
    await asyncio.sleep(0)
    kids[1].cancel('just b')
    try:
        await w
    except asyncio.CancelledError:
        print('main: waiter ended cancelled:', w.cancelled())
    print('main: kids', [k.done() for k in kids])
    await asyncio.gather(*kids, return_exceptions=True)
    print('main: kids', [k.cancelled() for k in kids])

    kids = [asyncio.create_task(child(n, 3)) for n in ('d', 'e')]
    w = asyncio.create_task(waiter(asyncio.gather(*kids)))
    await asyncio.sleep(0)
    w.cancel('the waiter')
    try:
        await w
    except asyncio.CancelledError:
        print('main: waiter ended cancelled:', w.cancelled())
    print('main: kids', [k.cancelled() for k in kids])


asyncio.run(main())
