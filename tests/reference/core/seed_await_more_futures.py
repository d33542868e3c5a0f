# Variation of asyncio_future_await.py: two coroutines await several
# futures that callbacks mark done, with plain callbacks in between.
import asyncio


def mark_done(future, result):
    print('setting future result to {!r}'.format(result))
    future.set_result(result)


async def waiter(loop, name, count):
    results = []
    for i in range(count):
        fut = asyncio.Future()
        print('{}: scheduling mark_done {}'.format(name, i))
        loop.call_soon(mark_done, fut, '{} result {}'.format(name, i))
        loop.call_soon(print, '{}: plain callback after mark_done {}'.format(name, i))
        results.append(await fut)
        print('{}: returned result: {!r}'.format(name, results[-1]))
    return results


async def main(loop):
    other = loop.create_task(waiter(loop, 'other', 2))
    mine = await waiter(loop, 'main', 3)
    print('main: other done? {}'.format(other.done()))
    return mine + await other


event_loop = asyncio.get_event_loop()
try:
    print(event_loop.run_until_complete(main(event_loop)))
finally:
    event_loop.close()
