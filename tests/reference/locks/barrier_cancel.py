# A task cancelled while it waits at the barrier leaves it (n_waiting goes
# down), and the round fills with the others; cancelling a task that waits
# for the barrier to drain leaves the round alone.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def party(barrier, name):
    try:
        index = await barrier.wait()
    except asyncio.CancelledError:
        print(f'{name}: cancelled, {r(barrier)}')
        raise
    print(f'{name}: passes with index {index}')
    return index


async def main():
    barrier = asyncio.Barrier(2)
    a = asyncio.create_task(party(barrier, 'a'))
    await asyncio.sleep(0)
    print('main:', r(barrier))
    a.cancel()
    await asyncio.gather(a, return_exceptions=True)
    print('main: a cancelled,', r(barrier))
    ts = [asyncio.create_task(party(barrier, n)) for n in 'bcd']
    await asyncio.sleep(0)
    print('main:', r(barrier))
    ts[2].cancel()
    results = await asyncio.gather(*ts, return_exceptions=True)
    print('main:', [x if isinstance(x, int) else type(x).__name__
                    for x in results], r(barrier))


asyncio.run(main())
