# Tasks that arrive while a round drains wait for it to empty, then fill the
# next round; a Barrier(1) never waits.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def party(barrier, name):
    print(f'{name}: arrives, {r(barrier)}')
    index = await barrier.wait()
    print(f'{name}: passes with index {index}, {r(barrier)}')
    return index


async def main():
    barrier = asyncio.Barrier(2)
    ts = [asyncio.create_task(party(barrier, n)) for n in 'abcde']
    await asyncio.sleep(0)
    print('main:', r(barrier))
    await asyncio.sleep(0)
    print('main:', r(barrier))
    f = asyncio.create_task(party(barrier, 'f'))
    print('main:', await asyncio.gather(*ts, f), r(barrier))
    one = asyncio.Barrier(1)
    print('main: Barrier(1) ->', await one.wait(), await one.wait(), r(one))


asyncio.run(main())
