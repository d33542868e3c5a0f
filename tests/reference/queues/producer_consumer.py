# examples/producer_consumer.ts in Python: a bounded queue, three workers,
# a producer that waits while the queue is full, join() for the last job,
# then shutdown() ends the workers.
import asyncio

JOBS = [('resize', 0.3), ('upload', 0.1), ('thumbnail', 0.2),
        ('email', 0.05), ('index', 0.25), ('backup', 0.45),
        ('notify', 0.15), ('report', 0.35)]


async def worker(name, queue, log):
    while True:
        try:
            job, seconds = await queue.get()
        except asyncio.QueueShutDown:
            break
        print(f'{name} starts {job}')
        await asyncio.sleep(seconds)
        log.append(job)
        print(f'{name} finished {job}')
        queue.task_done()
    print(f'{name} stops: the queue is shut down')


async def main():
    queue = asyncio.Queue(maxsize=2)
    log = []
    workers = [asyncio.create_task(worker(f'worker-{i}', queue, log))
               for i in range(1, 4)]
    for job, seconds in JOBS:
        await queue.put((job, seconds))
        print(f'queued {job} ({queue.qsize()} waiting)')
    await queue.join()
    print(f'all {len(log)} jobs done')
    queue.shutdown()
    await asyncio.gather(*workers)


asyncio.run(main())
