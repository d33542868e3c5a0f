# join() waits until task_done() was called for every item put, with
# several consumers that take items in FIFO order of their waiting; join()
# returns at once when no task is unfinished, before and after.
import asyncio


async def consumer(q, name, work):
    while True:
        item = await q.get()
        print(f'{name}: got {item}')
        for _ in range(work):
            await asyncio.sleep(0)
        print(f'{name}: done {item}')
        q.task_done()


async def joiner(q, name):
    print(f'{name}: waiting')
    await q.join()
    print(f'{name}: joined, {q}')


async def main():
    q = asyncio.Queue()
    consumers = [asyncio.create_task(consumer(q, f'c{i}', i + 1))
                 for i in range(3)]
    j0 = asyncio.create_task(joiner(q, 'j0'))
    await asyncio.sleep(0)
    for item in range(7):
        q.put_nowait(item)
    print('main: put 7 items,', q)
    j1 = asyncio.create_task(joiner(q, 'j1'))
    await asyncio.sleep(0)
    j2 = asyncio.create_task(joiner(q, 'j2'))
    await q.join()
    print('main: joined,', q)
    await asyncio.gather(j0, j1, j2)
    await q.join()
    print('main: joined again at once')
    for c in consumers:
        c.cancel()
    results = await asyncio.gather(*consumers, return_exceptions=True)
    print('consumers:', [type(r).__name__ for r in results])


asyncio.run(main())
