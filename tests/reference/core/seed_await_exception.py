# Variation of asyncio_future_await.py: mark_done sets an exception, which
# the await raises in main.
import asyncio


def mark_done(future, error):
    print('setting future exception to {!r}'.format(error))
    future.set_exception(error)


async def main(loop):
    all_done = asyncio.Future()

    print('scheduling mark_done')
    loop.call_soon(mark_done, all_done, ValueError('the error'))

    try:
        result = await all_done
    except ValueError as error:
        print('await raised: {!r}'.format(error))
        return 'recovered'
    print('returned result: {!r}'.format(result))


event_loop = asyncio.get_event_loop()
try:
    print('main returned {!r}'.format(
        event_loop.run_until_complete(main(event_loop))))
finally:
    event_loop.close()
