# Cancelling a task that awaits another task cancels that one too. If the
# inner task lets the error propagate, both end cancelled; if it catches it
# and returns, the outer task receives the value and goes on (its
# cancelling() still counts the request). Cancelling the inner task alone
# gives the outer one a CancelledError it may catch.
import asyncio


async def inner(name, swallow):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f'{name}: cancelled; swallows it: {swallow}')
        if not swallow:
            raise
    return f'{name} value'


async def outer(name, swallow, started):
    child = asyncio.create_task(inner(f'{name}.inner', swallow))
    started.append(child)
    try:
        value = await child
        print(f'{name}: got {value!r}; cancelling() =',
              asyncio.current_task().cancelling())
        return value
    except asyncio.CancelledError:
        print(f'{name}: got CancelledError; inner cancelled:', child.cancelled())
        raise


async def main():
    children = []
    a = asyncio.create_task(outer('a', False, children))
    b = asyncio.create_task(outer('b', True, children))
    c = asyncio.create_task(outer('c', False, children))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print('main: cancels a and b, and the inner task of c')
    a.cancel()
    b.cancel()
    children[2].cancel()
    results = await asyncio.gather(a, b, c, return_exceptions=True)
    print('main:', [type(r).__name__ if isinstance(r, BaseException) else r
                    for r in results])
    print('main: cancelled', a.cancelled(), b.cancelled(), c.cancelled())


asyncio.run(main())
