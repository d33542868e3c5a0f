# A Barrier(3) used for three rounds: each round's tasks leave together,
# the last to arrive first (index parties-1), and the barrier fills again.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def party(barrier, name, rounds):
    for i in range(rounds):
        index = await barrier.wait()
        print(f'{name}: round {i}, index {index}, {r(barrier)}')
        await asyncio.sleep(0)
    return name


async def main():
    barrier = asyncio.Barrier(3)
    print('main:', r(barrier), barrier.parties, barrier.n_waiting, barrier.broken)
    ts = [asyncio.create_task(party(barrier, n, 3)) for n in 'abc']
    await asyncio.sleep(0)
    print('main:', r(barrier), barrier.n_waiting)
    print('main:', await asyncio.gather(*ts), r(barrier))


asyncio.run(main())
