# Cancelling a task that waits in wait() or in an as_completed() loop
# raises CancelledError in it, but leaves the awaited tasks running, unlike
# gather() and wait_for(); they finish on their own afterwards.
import asyncio


async def job(name, steps):
    try:
        for _ in range(steps):
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print('never printed')
        raise
    print(f'{name}: finishes')
    return name


async def in_wait(tasks):
    try:
        await asyncio.wait(tasks)
    except asyncio.CancelledError:
        print('in_wait: cancelled')
        raise


async def in_as_completed(tasks):
    try:
        for next_result in asyncio.as_completed(tasks):
            print('in_as_completed: got', await next_result)
    except asyncio.CancelledError:
        print('in_as_completed: cancelled')
        raise


async def main():
    for waiter in (in_wait, in_as_completed):
        tasks = [asyncio.create_task(job(f'{waiter.__name__} {n}', n))
                 for n in (1, 4)]
        w = asyncio.create_task(waiter(tasks))
        for _ in range(3):
            await asyncio.sleep(0)
        w.cancel()
        done, pending = await asyncio.wait([w, *tasks])
        print('main: waiter cancelled', w.cancelled(), '; tasks',
              [t.result() for t in tasks])


asyncio.run(main())
