# shutdown() wakes every waiting getter and putter: getters raise
# QueueShutDown once the queue is empty (items left are still handed out),
# putters raise QueueShutDown at once; put_nowait() raises too, and
# get_nowait() raises QueueShutDown instead of QueueEmpty.
import asyncio


async def getter(q, name):
    try:
        while True:
            item = await q.get()
            print(f'{name}: got {item}')
            q.task_done()
            await asyncio.sleep(0)
    except asyncio.QueueShutDown as e:
        print(f'{name}: {type(e).__name__}, {q}')


async def putter(q, name, item):
    try:
        await q.put(item)
        print(f'{name}: put {item}')
    except asyncio.QueueShutDown as e:
        print(f'{name}: {type(e).__name__} putting {item}, {q}')


async def main():
    q = asyncio.Queue()
    getters = [asyncio.create_task(getter(q, f'g{i}')) for i in range(3)]
    await asyncio.sleep(0)
    print('main:', q)
    q.shutdown()
    print('main: shut down,', q)
    await asyncio.gather(*getters)

    q = asyncio.Queue(maxsize=2)
    q.put_nowait(1)
    q.put_nowait(2)
    putters = [asyncio.create_task(putter(q, f'p{i}', 10 + i))
               for i in range(2)]
    await asyncio.sleep(0)
    print('main:', q)
    q.shutdown()
    print('main: shut down,', q)
    await asyncio.gather(*putters)
    for attempt in ['put_nowait', 'get_nowait', 'get_nowait', 'get_nowait']:
        try:
            if attempt == 'put_nowait':
                q.put_nowait(3)
            else:
                print(attempt, '->', q.get_nowait())
        except Exception as e:
            print(attempt, 'raised', type(e).__name__)
    getters = [asyncio.create_task(getter(q, f'late{i}')) for i in range(2)]
    await asyncio.gather(*getters)
    print('join with unfinished tasks?', q)
    q.task_done()
    q.task_done()
    await q.join()
    print('joined', q)


asyncio.run(main())
