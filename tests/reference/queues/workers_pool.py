# The classic worker pool: a producer fills a bounded queue, workers take
# jobs as they free up, join() waits for the last job, then the workers are
# cancelled and report what they did.
import asyncio


async def worker(name, q, done):
    count = 0
    try:
        while True:
            job = await q.get()
            for _ in range(job):
                await asyncio.sleep(0)
            done.append(f'{name}:{job}')
            count += 1
            q.task_done()
    except asyncio.CancelledError:
        print(f'{name}: cancelled after {count} jobs')
        raise


async def producer(q, jobs):
    for job in jobs:
        await q.put(job)
        print(f'producer: queued {job}, {q}')


async def main():
    q = asyncio.Queue(maxsize=3)
    done = []
    workers = [asyncio.create_task(worker(f'w{i}', q, done)) for i in range(3)]
    await producer(q, [3, 1, 4, 1, 5, 9, 2, 6, 5, 3])
    print('main: all queued,', q)
    await q.join()
    print('main: joined,', q)
    print('done:', ' '.join(done))
    for w in workers:
        w.cancel()
    for w in workers:
        try:
            await w
        except asyncio.CancelledError:
            pass


asyncio.run(main())
