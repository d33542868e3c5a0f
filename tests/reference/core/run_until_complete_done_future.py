# run_until_complete() of a future that is already done still runs one
# iteration, and only one.
import asyncio

loop = asyncio.new_event_loop()
fut = loop.create_future()
fut.set_result('already')


def a():
    print('a: runs in that one iteration, schedules b')
    loop.call_soon(b)


def b():
    print('b: runs in the next run_until_complete')
    loop.call_soon(c)


def c():
    print('c: left over')


loop.call_soon(a)
print('first', loop.run_until_complete(fut))
print('second', loop.run_until_complete(fut))
print('done callbacks left on the future:', fut.remove_done_callback(print))
loop.close()
