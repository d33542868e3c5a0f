# abort() breaks the barrier: the waiting tasks get BrokenBarrierError
# ("Abort or reset of barrier"), later ones too ("Barrier aborted"), and it
# stays broken; reset() mends it.
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
    print(f'{name}: passes with index {index}')
    return index


async def main():
    barrier = asyncio.Barrier(3)
    ts = [asyncio.create_task(party(barrier, n)) for n in 'ab']
    await asyncio.sleep(0)
    print('main:', r(barrier))
    await barrier.abort()
    print('main: aborted,', r(barrier), barrier.broken, barrier.n_waiting)
    print('main:', await asyncio.gather(*ts))
    print('main: late ->', await party(barrier, 'late'))
    await barrier.reset()
    print('main: reset,', r(barrier), barrier.broken)
    ts = [asyncio.create_task(party(barrier, n)) for n in 'xyz']
    print('main:', await asyncio.gather(*ts), r(barrier))


asyncio.run(main())
