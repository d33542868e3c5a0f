# A task cancelled while it waits in join() leaves no trace; join() in
# other tasks still returns when the last task_done() comes, in the order
# they began to wait.
import asyncio


async def joiner(q, name):
    try:
        await q.join()
        print(f'{name}: joined,', q)
    except asyncio.CancelledError:
        print(f'{name}: cancelled,', q)
        raise


async def main():
    q = asyncio.Queue()
    q.put_nowait('job1')
    q.put_nowait('job2')
    joiners = [asyncio.create_task(joiner(q, f'j{i}')) for i in range(3)]
    await asyncio.sleep(0)
    joiners[1].cancel()
    await asyncio.sleep(0)
    print('main: got', q.get_nowait(), q.get_nowait())
    q.task_done()
    await asyncio.sleep(0)
    print('main: one done,', [j.done() for j in joiners])
    q.task_done()
    print('main: two done,', q)
    await asyncio.gather(*joiners, return_exceptions=True)
    q.put_nowait('job3')
    late = asyncio.create_task(joiner(q, 'late'))
    await asyncio.sleep(0)
    q.get_nowait()
    q.task_done()
    await late


asyncio.run(main())
