# run_until_complete() of a failed or cancelled future raises its exception
# after running one iteration.
import asyncio

loop = asyncio.new_event_loop()

failed = loop.create_future()
failed.set_exception(ValueError('boom'))
loop.call_soon(print, 'callback in the iteration')
try:
    loop.run_until_complete(failed)
except ValueError as e:
    print('raised', repr(e))

later = loop.create_future()
loop.call_soon(later.set_exception, ValueError('set in a callback'))
try:
    loop.run_until_complete(later)
except ValueError as e:
    print('raised', repr(e))

cancelled = loop.create_future()
cancelled.cancel()
try:
    loop.run_until_complete(cancelled)
except asyncio.CancelledError as e:
    print('raised', type(e).__name__, repr(str(e)))

msg = loop.create_future()
loop.call_soon(msg.cancel, 'with a message')
try:
    loop.run_until_complete(msg)
except asyncio.CancelledError as e:
    print('raised', type(e).__name__, repr(str(e)))
loop.close()
