# Variation of asyncio_future_event_loop.py: mark_done sets an exception,
# and run_until_complete() raises it.
import asyncio


def mark_done(future, error):
    print('setting future exception to {!r}'.format(error))
    future.set_exception(error)


event_loop = asyncio.get_event_loop()
try:
    all_done = asyncio.Future()

    print('scheduling mark_done')
    event_loop.call_soon(mark_done, all_done, ValueError('the error'))

    print('entering event loop')
    try:
        result = event_loop.run_until_complete(all_done)
    except ValueError as error:
        print('run_until_complete raised: {!r}'.format(error))
finally:
    print('closing event loop')
    event_loop.close()

print('future exception: {!r}'.format(all_done.exception()))
print('future: {!r}'.format(all_done))
