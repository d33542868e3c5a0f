# Cancel messages: cancel(msg) hands msg to the CancelledError the task's
# code receives, to code awaiting the task and to result(); a future
# cancelled with a message gives it to the task awaiting it; a task
# cancelled before it starts keeps the message too.
import asyncio


def msg(e):
    return repr(e.args[0]) if e.args else 'no message'


async def victim(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(f'{name}: caught', msg(e))
        raise


async def on_future(fut):
    try:
        await fut
    except asyncio.CancelledError as e:
        print('on_future: caught', msg(e))
        return 'on_future swallowed it'


async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(victim('a'))
    b = asyncio.create_task(victim('b'))
    early = asyncio.create_task(victim('early'))
    fut = loop.create_future()
    f = asyncio.create_task(on_future(fut))
    early.cancel('before start')
    await asyncio.sleep(0)
    a.cancel('stop a')
    b.cancel()
    fut.cancel('future message')
    for t in (a, b, early):
        try:
            await t
        except asyncio.CancelledError as e:
            print('main: awaiting it gives', msg(e))
    print('main:', await f)
    for t in (a, b, early):
        try:
            t.result()
        except asyncio.CancelledError as e:
            # A second retrieval: see pending/cancel_message_retrieved_twice.
            print('main: result() raises', type(e).__name__)
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print('main: fut.result() gives', msg(e))


asyncio.run(main())
