# Event, Condition and Semaphore bind to the loop they first wait on, as
# Lock does: waiting in another loop is an error naming the primitive; not
# waiting is fine.
import asyncio
import re


def r(x):
    text = str(x) if isinstance(x, Exception) else repr(x)
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', text)


event = asyncio.Event()
cond = asyncio.Condition()
sem = asyncio.Semaphore(0)


async def notifier():
    async with cond:
        cond.notify()


async def first():
    loop = asyncio.get_running_loop()
    loop.call_soon(event.set)
    await event.wait()
    loop.call_soon(sem.release)
    await sem.acquire()
    async with cond:
        t = asyncio.create_task(notifier())
        await cond.wait()
    await t
    print('first:', r(event), r(cond), r(sem))


async def second():
    event.clear()
    for name, make in (('event.wait', event.wait), ('sem.acquire', sem.acquire)):
        try:
            await make()
        except RuntimeError as e:
            print(f'second: {name}:', r(e))
    async with cond:
        try:
            await cond.wait()
        except RuntimeError as e:
            print('second: cond.wait:', r(e))
    event.set()
    sem.release()
    print('second: without waiting:', await event.wait(), await sem.acquire(), r(cond))


asyncio.run(first())
asyncio.run(second())
