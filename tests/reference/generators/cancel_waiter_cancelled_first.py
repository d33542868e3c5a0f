# A task awaits a future that is cancelled with 'A'; before the task's
# wakeup runs, the task itself is cancelled with 'B' (the future is done,
# so the request is kept for the next step). asyncio throws the future's
# own CancelledError('A') into the coroutine: a CancelledError it is given
# is kept, whatever the task's message.
import asyncio


def msg(e):
    return repr(e.args[0]) if e.args else 'no message'


async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError as e:
        print('waiter: caught', msg(e))
        raise


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    fut.cancel('A')
    print('main: t.cancel("B") ->', t.cancel('B'), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print('main: t raised', msg(e))


asyncio.run(main())
