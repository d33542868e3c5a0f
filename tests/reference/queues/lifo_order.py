# A LifoQueue hands out the item put last; waiting getters are still served
# first come, first served.
import asyncio


async def getter(q, name):
    item = await q.get()
    print(f'{name}: got {item}, {q}')
    q.task_done()


async def main():
    q = asyncio.LifoQueue()
    for i in [1, 3, 2]:
        await q.put(i)
    print(q)
    print('order:', [q.get_nowait() for _ in range(3)])
    tasks = [asyncio.create_task(getter(q, f'g{i}')) for i in range(3)]
    await asyncio.sleep(0)
    print('waiting:', q)
    q.put_nowait('a')
    q.put_nowait('b')
    print('after two puts:', q)
    await asyncio.sleep(0)
    q.put_nowait('c')
    q.put_nowait('d')
    await asyncio.gather(*tasks)
    print('left:', q)
    q2 = asyncio.LifoQueue(maxsize=2)
    q2.put_nowait(1)
    q2.put_nowait(2)
    t = asyncio.create_task(q2.put(3))
    await asyncio.sleep(0)
    print('putter waiting:', q2)
    print('get', q2.get_nowait())
    await t
    print('after put:', q2, [q2.get_nowait(), q2.get_nowait()])


asyncio.run(main())
