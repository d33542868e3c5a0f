# wait() returns (done, pending) sets: FIRST_COMPLETED after the first task
# finishes, FIRST_EXCEPTION after the first failure (or when all are done),
# ALL_COMPLETED when every task is done. Nothing is cancelled, and failures
# stay inside the tasks. Sets print sorted.
import asyncio


async def job(steps, fail=False):
    for _ in range(steps):
        await asyncio.sleep(0)
    name = asyncio.current_task().get_name()
    if fail:
        print(f'{name}: raises')
        raise ValueError(f'{name} failed')
    print(f'{name}: returns')
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    tasks = [
        asyncio.create_task(job(8), name='slow'),
        asyncio.create_task(job(1), name='quick'),
        asyncio.create_task(job(2, fail=True), name='bad'),
        asyncio.create_task(job(10), name='slower'),
        asyncio.create_task(job(3, fail=True), name='worse'),
    ]
    done, pending = await asyncio.wait(
        tasks, return_when=asyncio.FIRST_COMPLETED)
    print('FIRST_COMPLETED:', names(done), names(pending))
    done, pending = await asyncio.wait(
        pending, return_when=asyncio.FIRST_EXCEPTION)
    print('FIRST_EXCEPTION:', names(done), names(pending))
    print('bad raised', repr(tasks[2].exception()))
    done, pending = await asyncio.wait(pending)
    print('ALL_COMPLETED:', names(done), names(pending))
    ok = asyncio.create_task(job(1), name='fine')
    done, pending = await asyncio.wait(
        [ok], return_when=asyncio.FIRST_EXCEPTION)
    print('FIRST_EXCEPTION without one:', names(done), names(pending))
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print('all done already:', len(done), len(pending))
    print('cancelled:', [t.cancelled() for t in tasks])


asyncio.run(main())
