# The Future state machine: what result(), exception() and the setters raise
# in each state, and their messages.
import asyncio

loop = asyncio.new_event_loop()


def attempt(label, fn):
    try:
        value = fn()
    except Exception as e:
        print(f'{label}: {type(e).__name__}: {str(e)!r}')
    except asyncio.CancelledError as e:
        print(f'{label}: {type(e).__name__}: {str(e)!r}')
    else:
        print(f'{label}: returned {value!r}')


pending = loop.create_future()
print('pending: done', pending.done(), 'cancelled', pending.cancelled())
attempt('pending.result()', pending.result)
attempt('pending.exception()', pending.exception)

finished = loop.create_future()
finished.set_result('value')
print('finished: done', finished.done(), 'cancelled', finished.cancelled())
attempt('finished.result()', finished.result)
attempt('finished.exception()', finished.exception)
attempt('finished.set_result()', lambda: finished.set_result('again'))
attempt('finished.set_exception()',
        lambda: finished.set_exception(ValueError('x')))

failed = loop.create_future()
failed.set_exception(ValueError('boom'))
attempt('failed.result()', failed.result)
attempt('failed.exception()', failed.exception)
attempt('failed.set_result()', lambda: failed.set_result('late'))

cancelled = loop.create_future()
cancelled.cancel()
print('cancelled: done', cancelled.done(), 'cancelled', cancelled.cancelled())
attempt('cancelled.result()', cancelled.result)
attempt('cancelled.exception()', cancelled.exception)
attempt('cancelled.set_result()', lambda: cancelled.set_result(1))
attempt('cancelled.set_exception()',
        lambda: cancelled.set_exception(ValueError('y')))

with_msg = loop.create_future()
with_msg.cancel('why')
attempt('with_msg.result()', with_msg.result)
attempt('with_msg.exception()', with_msg.exception)

none_result = loop.create_future()
none_result.set_result(None)
attempt('none_result.result()', none_result.result)
attempt('none_result.exception()', none_result.exception)
loop.close()
