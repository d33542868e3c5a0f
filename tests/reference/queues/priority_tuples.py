# A PriorityQueue hands out the smallest item first; tuples compare item by
# item, the first difference deciding, a shorter prefix first; the storage
# is heapq's (the str() shows it); items that do not compare raise
# TypeError, and the item stays in the heap.
import asyncio


def show(q):
    # Tuples as the TypeScript side's arrays show them.
    return str(q).replace('(', '[').replace(')', ']').replace(',]', ']')


async def getter(q, name):
    item = await q.get()
    print(f'{name}: got {item!r}')


async def main():
    q = asyncio.PriorityQueue()
    items = [(3, 'c'), (1, 'b', 2), (2,), (1, 'b'), (1, 'a', 9), (0, 'z'),
             (2, 'a'), (1, 'b', 1)]
    for item in items:
        q.put_nowait(list(item))
        print('put', list(item), '->', q.qsize())
    print(show(q))
    out = []
    while not q.empty():
        out.append(q.get_nowait())
    print('order:', out)

    q = asyncio.PriorityQueue()
    for word in ['pear', 'apple', 'fig', 'Zebra', 'apricot', 'é', 'e']:
        q.put_nowait(word)
    print('strings:', [q.get_nowait() for _ in range(q.qsize())])
    for n in [5, 2.5, -1, True, 10**20, 0]:
        q.put_nowait(n)
    print('numbers:', [q.get_nowait() for _ in range(q.qsize())])

    tasks = [asyncio.create_task(getter(q, f'g{i}')) for i in range(3)]
    await asyncio.sleep(0)
    print('getters waiting:', show(q))
    await q.put([5, 'x'])
    await q.put([4, 'y'])
    await q.put([6, 'z'])
    await asyncio.gather(*tasks)

    q = asyncio.PriorityQueue()
    q.put_nowait([1, 'a'])
    for bad in [[1, 2], 'text', [0, 'a']]:
        try:
            q.put_nowait(bad)
            print('put', bad)
        except TypeError as e:
            print('put', bad, 'raised', type(e).__name__)
        print(show(q))
    for _ in range(4):
        try:
            print('get', q.get_nowait(), q)
        except TypeError as e:
            print('get raised', type(e).__name__, q)


asyncio.run(main())
