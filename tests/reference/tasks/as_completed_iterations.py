# The iterations as_completed() takes: a ticker shows when each task
# finishes and when the loop body receives its result; results that are
# already queued come without waiting.
import asyncio


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 10:
        loop.call_soon(tick, loop, n + 1)


async def job(name, steps):
    for _ in range(steps):
        await asyncio.sleep(0)
    print(f'{name}: finishes')
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(n, s))
             for n, s in (('a', 3), ('b', 1), ('c', 1), ('d', 6))]
    loop.call_soon(tick, loop, 0)
    for next_result in asyncio.as_completed(tasks):
        print('got', await next_result)
    print('main: done')


asyncio.run(main())
