# repr() of futures in each state, with done callbacks shown as asyncio
# shows them. Python adds " at FILE:LINE" after each callback, which a
# TypeScript function cannot know: it is removed before printing.
import asyncio
import functools
import re

loop = asyncio.new_event_loop()


def show(label, fut):
    print(f'{label}: {re.sub(r" at [^ ]+:[0-9]+", "", repr(fut))}')


def callback(f, n=0):
    pass


def other(f):
    pass


pending = loop.create_future()
show('pending', pending)
print('str is repr:', str(pending) == repr(pending))
pending.add_done_callback(callback)
show('one callback', pending)
pending.add_done_callback(functools.partial(callback, n=1))
show('two callbacks', pending)
pending.add_done_callback(other)
show('three callbacks', pending)
pending.add_done_callback(other)
show('four callbacks', pending)
pending.set_result('the result')
show('finished', pending)

for result in [42, '', "it's", 'line\nbreak', [1, 'two']]:
    fut = loop.create_future()
    fut.set_result(result)
    show(f'result {result!r}', fut)

failed = loop.create_future()
failed.set_exception(ValueError('boom'))
show('failed', failed)
failed_empty = loop.create_future()
failed_empty.set_exception(ValueError())
show('failed without a message', failed_empty)

cancelled = loop.create_future()
cancelled.add_done_callback(other)
cancelled.cancel()
show('cancelled', cancelled)
with_msg = loop.create_future()
with_msg.cancel('msg')
show('cancelled with a message', with_msg)
loop.close()
