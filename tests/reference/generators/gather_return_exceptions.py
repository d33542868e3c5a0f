# With return_exceptions=True, gather() waits for every child and puts
# exceptions, and CancelledError for a cancelled child, in the results in
# input order; it does not fail itself.
import asyncio


async def worker(name, steps, fail=False):
    for _ in range(steps):
        await asyncio.sleep(0)
    if fail:
        print(f'{name}: raises')
        raise ValueError(f'{name} failed')
    print(f'{name}: returns')
    return name


def show(r):
    if isinstance(r, asyncio.CancelledError):
        return 'CancelledError'
    if isinstance(r, BaseException):
        return repr(r)
    return r


async def main():
    loop = asyncio.get_running_loop()
    victim = asyncio.create_task(worker('victim', 5))
    fut = loop.create_future()
    loop.call_soon(fut.set_exception, ValueError('future failed'))
    g = asyncio.gather(
        worker('a', 2, fail=True), worker('b', 1), victim, fut,
        worker('c', 3, fail=True), return_exceptions=True)
    await asyncio.sleep(0)
    print('main: cancels victim')
    victim.cancel()
    results = await g
    print('main:', [show(r) for r in results])
    print('main: gather cancelled', g.cancelled(), 'exception', g.exception())


asyncio.run(main())
