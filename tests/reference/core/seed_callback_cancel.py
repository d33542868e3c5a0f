# Variation of asyncio_future_callback.py: the future is cancelled instead,
# and the callbacks see it cancelled.
import asyncio
import functools


def callback(future, n):
    print('{}: future cancelled: {}'.format(n, future.cancelled()))


async def register_callbacks(all_done):
    print('registering callbacks on future')
    all_done.add_done_callback(functools.partial(callback, n=1))
    all_done.add_done_callback(functools.partial(callback, n=2))


async def main(all_done):
    await register_callbacks(all_done)
    print('cancelling the future: {}'.format(all_done.cancel()))
    print('cancelling it again: {}'.format(all_done.cancel()))


event_loop = asyncio.get_event_loop()
try:
    all_done = asyncio.Future()
    event_loop.run_until_complete(main(all_done))
    print('future: {!r}'.format(all_done))
finally:
    event_loop.close()
