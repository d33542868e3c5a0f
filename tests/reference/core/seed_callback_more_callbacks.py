# Variation of asyncio_future_callback.py: more callbacks, a second future
# that fails, and a callback added after the result is set.
import asyncio
import functools


def callback(future, n):
    if future.exception() is not None:
        print('{}: future failed: {!r}'.format(n, future.exception()))
    else:
        print('{}: future done: {}'.format(n, future.result()))


async def register_callbacks(future, first, count):
    print('registering callbacks on future')
    for n in range(first, first + count):
        future.add_done_callback(functools.partial(callback, n=n))


async def main(all_done, failing):
    await register_callbacks(all_done, 1, 5)
    await register_callbacks(failing, 10, 2)
    print('setting exception of the failing future')
    failing.set_exception(ValueError('failed'))
    print('setting result of future')
    all_done.set_result('the result')
    print('adding one more callback after the result')
    all_done.add_done_callback(functools.partial(callback, n=6))


event_loop = asyncio.get_event_loop()
try:
    all_done = asyncio.Future()
    failing = asyncio.Future()
    event_loop.run_until_complete(main(all_done, failing))
    print('run_until_complete returned; callbacks left over run now')
    event_loop.call_soon(event_loop.stop)
    event_loop.run_forever()
finally:
    event_loop.close()
