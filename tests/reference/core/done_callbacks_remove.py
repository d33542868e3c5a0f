# remove_done_callback() removes every registration of the callback and
# returns how many; removing it once it is scheduled does nothing.
import asyncio
import functools

loop = asyncio.new_event_loop()
fut = loop.create_future()


def f(fut):
    print('f runs')


def g(fut):
    print('g runs')
    print('g removes h, already scheduled:', fut.remove_done_callback(h))


def h(fut):
    print('h runs anyway')


def cb(n, fut):
    print(f'cb {n} runs')


fut.add_done_callback(f)
fut.add_done_callback(g)
fut.add_done_callback(f)
fut.add_done_callback(h)
fut.add_done_callback(f)
print('remove f:', fut.remove_done_callback(f))
print('remove f again:', fut.remove_done_callback(f))
p1 = functools.partial(cb, 1)
fut.add_done_callback(p1)
fut.add_done_callback(p1)
fut.add_done_callback(functools.partial(cb, 2))
print('remove an equal-looking partial:',
      fut.remove_done_callback(functools.partial(cb, 1)))
print('remove p1:', fut.remove_done_callback(p1))
print('remove print, never added:', fut.remove_done_callback(print))
loop.call_soon(fut.set_result, None)
loop.run_until_complete(fut)
loop.close()
