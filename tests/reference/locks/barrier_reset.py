# reset() while tasks wait: they get BrokenBarrierError, the barrier is
# "resetting" until the last one has left, then fills again; reset() of an
# empty barrier just starts over.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def party(barrier, name):
    try:
        index = await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print(f'{name}: {type(e).__name__}: {e}, {r(barrier)}')
        return 'broken'
    print(f'{name}: passes with index {index}, {r(barrier)}')
    return index


async def main():
    barrier = asyncio.Barrier(3)
    ts = [asyncio.create_task(party(barrier, n)) for n in 'ab']
    await asyncio.sleep(0)
    print('main:', r(barrier))
    await barrier.reset()
    print('main: reset,', r(barrier), barrier.n_waiting)
    late = asyncio.create_task(party(barrier, 'late'))
    await asyncio.sleep(0)
    print('main:', r(barrier))
    print('main:', await asyncio.gather(*ts), r(barrier))
    ts = [asyncio.create_task(party(barrier, n)) for n in 'xy']
    print('main:', await asyncio.gather(late, *ts), r(barrier))
    await barrier.reset()
    print('main: reset when empty,', r(barrier))


asyncio.run(main())
