# Done callbacks are scheduled with call_soon, in registration order, when
# the future becomes done; one added after that is scheduled at once.
import asyncio
import functools

loop = asyncio.new_event_loop()
fut = loop.create_future()


def cb(i, f):
    print(f'done callback {i}: {f.result()}')
    if i == 1:
        f.add_done_callback(late)
        loop.call_soon(print, 'call_soon from done callback 1')


def late(f):
    print('late callback, added after done:', f.result())


def setter():
    print('setter: set_result')
    fut.set_result('r')
    loop.call_soon(print, 'queued after set_result')


for i in range(3):
    fut.add_done_callback(functools.partial(cb, i))
loop.call_soon(print, 'queued before setter')
loop.call_soon(setter)
loop.call_soon(print, 'same iteration as setter')
fut.add_done_callback(functools.partial(cb, 3))
print(loop.run_until_complete(fut))
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
