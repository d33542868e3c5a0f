# A getter or putter cancelled while it waits leaves the queue: it is no
# longer counted among the waiters, and the next item (or slot) goes to
# the next one in line.
import asyncio


async def getter(q, name):
    try:
        item = await q.get()
        print(f'{name}: got {item}')
    except asyncio.CancelledError:
        print(f'{name}: cancelled, {q}')
        raise


async def putter(q, name, item):
    try:
        await q.put(item)
        print(f'{name}: put {item}')
    except asyncio.CancelledError:
        print(f'{name}: cancelled, {q}')
        raise


async def main():
    q = asyncio.Queue()
    g = [asyncio.create_task(getter(q, f'g{i}')) for i in range(3)]
    await asyncio.sleep(0)
    print('main:', q)
    g[0].cancel()
    print('main: cancelled g0,', q)
    await asyncio.sleep(0)
    print('main: g0 done', g[0].done(), q)
    q.put_nowait('a')
    q.put_nowait('b')
    await asyncio.gather(*g, return_exceptions=True)
    print('main:', q)

    q = asyncio.Queue(maxsize=1)
    q.put_nowait(0)
    p = [asyncio.create_task(putter(q, f'p{i}', i + 1)) for i in range(3)]
    await asyncio.sleep(0)
    print('main:', q)
    p[1].cancel()
    await asyncio.sleep(0)
    print('main: p1 cancelled,', q)
    print('main: get', q.get_nowait())
    await asyncio.sleep(0)
    print('main:', q)
    print('main: get', q.get_nowait())
    await asyncio.sleep(0)
    print('main:', q)
    results = await asyncio.gather(*p, return_exceptions=True)
    print('main:', [type(r).__name__ for r in results], q)

    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except TimeoutError:
        print('wait_for: TimeoutError,', q)
    q.put_nowait('z')
    print('wait_for:', await asyncio.wait_for(q.get(), 1), q)


asyncio.run(main())
