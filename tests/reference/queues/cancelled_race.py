# Tasks that run q.get() and q.put() themselves (create_task of the
# coroutine): a cancelled getter leaves the next item to the one behind it,
# a cancelled putter leaves its slot; the others keep their FIFO turns.
import asyncio


async def main():
    q = asyncio.Queue()
    t1 = asyncio.create_task(q.get())
    t2 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    t1.cancel()
    await asyncio.sleep(0)
    print('t1 done', t1.done(), 'cancelled', t1.cancelled(), q)
    await q.put('a')
    await asyncio.sleep(0)
    print('t2 ->', await t2, q)

    q = asyncio.Queue(maxsize=1)
    put_a = asyncio.create_task(q.put('a'))
    put_b = asyncio.create_task(q.put('b'))
    put_c = asyncio.create_task(q.put('X'))
    await asyncio.sleep(0)
    print('put_a done', put_a.done(), 'put_b done', put_b.done(), q)
    put_c.cancel()
    await asyncio.sleep(0)
    print('put_c done', put_c.done(), q)
    print('get', q.get_nowait())
    await asyncio.sleep(0)
    print('get', q.get_nowait(), q)
    await put_b
    print('put_b done', put_b.done(), q)

    q = asyncio.Queue(maxsize=1)
    putters = [asyncio.create_task(q.put(i)) for i in range(4)]
    for _ in range(4):
        print('get', await q.get(), q)
    await asyncio.gather(*putters)
    print('end', q)


asyncio.run(main())
