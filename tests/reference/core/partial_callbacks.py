# Partials as loop and done callbacks: call_soon() adds its arguments after
# the bound ones, keywords reach the callback, and handle reprs show both.
import asyncio
import functools
import re

loop = asyncio.new_event_loop()


def norm(text):
    return re.sub(r' at [^ ]+:[0-9]+', '', text)


def cb(*args, **kwargs):
    kw = ', '.join(f'{k}={v!r}' for k, v in sorted(kwargs.items()))
    print(f'cb args={list(args)!r} kwargs=[{kw}]')


def report(label, fut, *, n=0):
    print(f'{label}: n={n} result={fut.result()!r}')


h = loop.call_soon(functools.partial(cb, 1), 2)
print(norm(repr(h)))
h = loop.call_soon(functools.partial(cb, 'a', k='v'), 'b')
print(norm(repr(h)))
h = loop.call_soon(functools.partial(functools.partial(cb, 1, x=1), 2, y=2), 3)
print(norm(repr(h)))
loop.call_later(0.01, functools.partial(cb, 'timer', when='later'))
fut = loop.create_future()
fut.add_done_callback(functools.partial(report, 'first'))
fut.add_done_callback(functools.partial(report, 'second', n=2))
fut.add_done_callback(
    functools.partial(functools.partial(report, n=3), 'third'))
print(norm(repr(fut)))
loop.call_later(0.02, fut.set_result, 'done')
loop.run_until_complete(fut)
loop.close()
