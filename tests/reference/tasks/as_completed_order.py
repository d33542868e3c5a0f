# as_completed() yields awaitables that give the results in completion
# order, not input order; an exception comes out at its place in that
# order; after the timeout, the remaining ones raise TimeoutError, while
# their tasks keep running. (The quick task is done before the timer
# starts, so that a busy machine cannot make it late.)
import asyncio


async def job(name, steps, fail=False):
    for _ in range(steps):
        await asyncio.sleep(0)
    if fail:
        raise ValueError(f'{name} failed')
    return name


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result('already done')
    tasks = [
        asyncio.create_task(job('a', 4)),
        asyncio.create_task(job('b', 2, fail=True)),
        asyncio.create_task(job('c', 1)),
        done,
        asyncio.create_task(job('d', 3)),
    ]
    for i, next_result in enumerate(asyncio.as_completed(tasks)):
        try:
            print(f'#{i}:', await next_result)
        except ValueError as e:
            print(f'#{i}: raised', repr(e))

    slow = asyncio.create_task(asyncio.sleep(10, 'slow'))
    quick = asyncio.create_task(job('quick', 2))
    await quick
    for next_result in asyncio.as_completed([slow, quick], timeout=0.02):
        try:
            print('with timeout:', await next_result)
        except asyncio.TimeoutError:
            print('with timeout: TimeoutError; slow still pending:',
                  not slow.done())
    slow.cancel()


asyncio.run(main())
