# run_until_complete() stops the loop through a done callback: the rest of
# the iteration in which that callback runs still runs.
import asyncio

loop = asyncio.new_event_loop()
fut = loop.create_future()


def a():
    print('a: set_result, then schedule d')
    fut.set_result('A')
    loop.call_soon(d)


def b():
    print('b: same iteration as a')


def c():
    print('c: same iteration as a')


def d():
    print('d: same iteration as the stop callback, so it runs')
    loop.call_soon(e)


def e():
    print('e: the iteration after the stop, so it waits')


def user_cb(f):
    print('user done callback, registered first:', f.result())


fut.add_done_callback(user_cb)
loop.call_soon(a)
loop.call_soon(b)
loop.call_soon(c)
print('returned', loop.run_until_complete(fut))
print('e not yet run; run again')
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
