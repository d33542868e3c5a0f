# cancel() returns True only when it cancels a pending future; the done
# callbacks of a cancelled future see it cancelled.
import asyncio

loop = asyncio.new_event_loop()


def on_done(f):
    print('callback: cancelled', f.cancelled(), 'done', f.done())


fut = loop.create_future()
fut.add_done_callback(on_done)
print('cancel pending:', fut.cancel())
print('cancel again:', fut.cancel())
print('cancel with a message after:', fut.cancel('late'))

finished = loop.create_future()
finished.set_result(1)
print('cancel finished:', finished.cancel(), finished.cancelled())

failed = loop.create_future()
failed.set_exception(ValueError('x'))
print('cancel failed:', failed.cancel(), failed.cancelled())


def cancel_in_callback():
    print('cancel in a callback:', target.cancel('stopped'))
    print('and again:', target.cancel())


target = loop.create_future()
target.add_done_callback(on_done)
loop.call_soon(cancel_in_callback)
try:
    loop.run_until_complete(target)
except asyncio.CancelledError as e:
    print('run_until_complete: CancelledError', repr(str(e)))
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
