# Futures and handles show results and arguments through reprlib.repr():
# long strings, long lists and long reprs are shortened with '...'.
import asyncio
import re

loop = asyncio.new_event_loop()


def norm(text):
    return re.sub(r' at [^ ]+:[0-9]+', '', text)


def cb(*args):
    pass


values = [
    'a' * 28,
    'b' * 29,
    'the quick brown fox jumps over the lazy dog',
    "it's a string with a quote and more than thirty characters",
    list(range(6)),
    list(range(7)),
    [[[[[[['deep']]]]]]],
    [['x' * 40], list(range(10))],
    ValueError('a message long enough to be shortened'),
]
for value in values:
    fut = loop.create_future()
    fut.set_result(value)
    print(norm(repr(fut)))
    print(norm(repr(loop.call_soon(cb, value))))

fut = loop.create_future()
fut.set_exception(ValueError('exceptions are shown in full, however long'))
print(norm(repr(fut)))
inner = loop.create_future()
inner.set_result('the quick brown fox jumps over the lazy dog')
print(norm(repr(loop.call_soon(cb, inner))))
loop.close()
