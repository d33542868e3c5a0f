# On a future that is already done, add_done_callback() schedules the
# callback at once, between the callbacks queued before and after it.
import asyncio

loop = asyncio.new_event_loop()
fut = loop.create_future()
fut.set_exception(ValueError('failed already'))


def a(f):
    print('a: exception', repr(f.exception()))


def b(f):
    print('b: done', f.done())


loop.call_soon(print, 'x: queued first')
fut.add_done_callback(a)
loop.call_soon(print, 'y: queued between')
fut.add_done_callback(b)
print('remove a after scheduling:', fut.remove_done_callback(a))
fut.add_done_callback(a)
loop.call_soon(loop.stop)
loop.run_forever()
print('cancel a done future:', fut.cancel())
loop.close()
