# A getter woken by put_nowait() but cancelled before it runs passes the
# wake-up on to the next getter, and the item stays for it; the same for a
# putter woken by get_nowait(). No item and no slot is lost.
import asyncio


async def getter(q, name):
    try:
        item = await q.get()
        print(f'{name}: got {item}')
        return item
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
    reader = asyncio.create_task(getter(q, 'r1'))
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.put_nowait(2)
    reader.cancel()
    try:
        await reader
    except asyncio.CancelledError:
        print('main: r1 cancelled; again')
        reader = asyncio.create_task(getter(q, 'r2'))
        print('main: r2 ->', await reader)

    q = asyncio.Queue()
    g = [asyncio.create_task(getter(q, f'g{i}')) for i in range(3)]
    await asyncio.sleep(0)
    q.put_nowait('a')
    print('main: put a,', q)
    g[0].cancel()
    await asyncio.sleep(0)
    print('main:', q, [t.done() for t in g])
    q.put_nowait('b')
    results = await asyncio.gather(*g, return_exceptions=True)
    print('main:', [r if isinstance(r, str) else type(r).__name__
                    for r in results])

    q = asyncio.Queue(maxsize=1)
    q.put_nowait('full')
    p = [asyncio.create_task(putter(q, f'p{i}', i)) for i in range(3)]
    await asyncio.sleep(0)
    print('main: get', q.get_nowait(), q)
    p[0].cancel()
    await asyncio.sleep(0)
    print('main:', q, [t.done() for t in p])
    await asyncio.sleep(0)
    print('main: get', q.get_nowait(), q)
    await asyncio.sleep(0)
    print('main:', q)
    results = await asyncio.gather(*p, return_exceptions=True)
    print('main:', [type(r).__name__ for r in results], q)


asyncio.run(main())
