# Variation of asyncio_future_event_loop.py: several futures, marked done by
# callbacks in an order that differs from the order they are waited for.
import asyncio


def mark_done(future, result):
    print('setting future result to {!r}'.format(result))
    future.set_result(result)


event_loop = asyncio.get_event_loop()
try:
    futures = [asyncio.Future() for _ in range(3)]

    print('scheduling mark_done three times, last future first')
    for i in reversed(range(3)):
        event_loop.call_soon(mark_done, futures[i], 'result {}'.format(i))

    for i, future in enumerate(futures):
        print('entering event loop for future {}'.format(i))
        result = event_loop.run_until_complete(future)
        print('returned result: {!r}'.format(result))
    print('running once more for an already done future')
    print('returned result: {!r}'.format(
        event_loop.run_until_complete(futures[0])))
finally:
    print('closing event loop')
    event_loop.close()

print('future results: {!r}'.format([f.result() for f in futures]))
