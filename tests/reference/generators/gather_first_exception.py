# Without return_exceptions, the first exception of a child becomes the
# gather's at once; the other children are not cancelled and keep running,
# and a later failure is not reported. The finished gather cannot be
# cancelled any more.
import asyncio


async def worker(name, steps, fail=False):
    for _ in range(steps):
        await asyncio.sleep(0)
    if fail:
        print(f'{name}: raises')
        raise ValueError(f'{name} failed')
    print(f'{name}: returns')
    return name


def status(t):
    if t.cancelled():
        return 'cancelled'
    if not t.done():
        return 'pending'
    return repr(t.exception()) if t.exception() else repr(t.result())


async def main():
    tasks = [
        asyncio.create_task(worker('a', 1, fail=True)),
        asyncio.create_task(worker('b', 3)),
        asyncio.create_task(worker('c', 2, fail=True)),
    ]
    g = asyncio.gather(*tasks)
    try:
        await g
    except ValueError as e:
        print('main: gather raised', repr(e))
    print('main: children now', [status(t) for t in tasks])
    print('main: gather.cancel() ->', g.cancel(), repr(g.exception()))
    for _ in range(3):
        await asyncio.sleep(0)
    print('main: children later', [status(t) for t in tasks])


asyncio.run(main())
