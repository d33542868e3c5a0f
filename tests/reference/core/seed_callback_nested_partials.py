# Variation of asyncio_future_callback.py: partials of partials, positional
# and keyword arguments mixed, bound at different levels.
import asyncio
import functools


def callback(prefix, future, n, suffix='.'):
    print('{}{}: future done: {}{}'.format(prefix, n, future.result(), suffix))


async def register_callbacks(all_done):
    print('registering callbacks on future')
    base = functools.partial(callback, '#')
    all_done.add_done_callback(functools.partial(base, n=1))
    all_done.add_done_callback(functools.partial(base, n=2, suffix='!'))
    with_suffix = functools.partial(callback, suffix='?')
    all_done.add_done_callback(functools.partial(with_suffix, '*', n=3))
    all_done.add_done_callback(
        functools.partial(functools.partial(with_suffix, n=4), '>'))


async def main(all_done):
    await register_callbacks(all_done)
    print('setting result of future')
    all_done.set_result('the result')


event_loop = asyncio.get_event_loop()
try:
    all_done = asyncio.Future()
    event_loop.run_until_complete(main(all_done))
finally:
    event_loop.close()
