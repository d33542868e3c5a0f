# A bounded queue holds the producer back: put() waits while the queue is
# full and resumes, in FIFO order with other putters, when a get frees a
# slot; the consumer is slower than the producer.
import asyncio


async def producer(q, name, items):
    for item in items:
        print(f'{name}: put {item}? full={q.full()} qsize={q.qsize()}')
        await q.put(item)
        print(f'{name}: put {item} done, {q}')
    print(f'{name}: finished')


async def consumer(q, n):
    for _ in range(n):
        item = await q.get()
        print(f'consumer: got {item}, {q}')
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        q.task_done()
    print('consumer: finished')


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q, 'maxsize', q.maxsize, 'empty', q.empty(), 'full', q.full())
    c = asyncio.create_task(consumer(q, 7))
    a = asyncio.create_task(producer(q, 'a', [1, 2, 3, 4]))
    b = asyncio.create_task(producer(q, 'b', ['x', 'y', 'z']))
    await asyncio.gather(a, b, c)
    print('end', q)


asyncio.run(main())
