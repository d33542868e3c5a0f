# A getter woken by put_nowait() whose item is taken by someone else, and
# the queue then shut down, raises QueueShutDown; a putter woken by
# get_nowait() then shut down raises QueueShutDown too (put_nowait refuses).
import asyncio


async def getter(q, name):
    try:
        print(f'{name}: got', await q.get())
    except asyncio.QueueShutDown:
        print(f'{name}: QueueShutDown,', q)


async def putter(q, name, item):
    try:
        await q.put(item)
        print(f'{name}: put', item)
    except asyncio.QueueShutDown:
        print(f'{name}: QueueShutDown,', q)


async def main():
    q = asyncio.Queue()
    g = asyncio.create_task(getter(q, 'g'))
    await asyncio.sleep(0)
    q.put_nowait(1)
    print('main: stole', q.get_nowait(), q)
    await asyncio.sleep(0)
    print('main: g waits again,', q)
    q.put_nowait(2)
    print('main: stole', q.get_nowait())
    q.shutdown()
    print('main:', q)
    await g

    q = asyncio.Queue(maxsize=1)
    q.put_nowait('a')
    p = asyncio.create_task(putter(q, 'p', 'b'))
    await asyncio.sleep(0)
    print('main: got', q.get_nowait(), q)
    q.shutdown()
    await p
    print('main:', q)

    q = asyncio.Queue(maxsize=1)
    q.put_nowait('a')
    p = asyncio.create_task(putter(q, 'p2', 'b'))
    await asyncio.sleep(0)
    print('main: got', q.get_nowait(), q)
    q.put_nowait('c')
    print('main: refilled', q)
    await asyncio.sleep(0)
    print('main: p2 waits again,', q)
    q.shutdown(immediate=True)
    await p


asyncio.run(main())
