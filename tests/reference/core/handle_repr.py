# repr() of handles. Python adds " at FILE:LINE" after the callback and a
# TimerHandle shows its clock time: both are replaced before printing.
import asyncio
import functools
import re

loop = asyncio.new_event_loop()


def show(label, handle):
    text = re.sub(r' at [^ ]+:[0-9]+', '', repr(handle))
    text = re.sub(r'when=[0-9.e+-]+', 'when=T', text)
    print(f'{label}: {text}')


def settle(future, result):
    pass


def cb(*args, **kwargs):
    pass


fut = loop.create_future()
show('call_soon', loop.call_soon(settle, fut, 'the result'))
show('no arguments', loop.call_soon(cb))
show('numbers', loop.call_soon(cb, 1, 2, 3))
show('partial', loop.call_soon(functools.partial(cb, 1), 2))
show('partial with keywords', loop.call_soon(functools.partial(cb, 1, n=2)))
show('nested partial', loop.call_soon(
    functools.partial(functools.partial(cb, 'a'), 'b', k='v'), 'c'))
cancelled = loop.call_soon(cb, 'x')
cancelled.cancel()
show('cancelled', cancelled)
t0 = loop.time()
timer = loop.call_later(10, settle, fut, 'later')
show('call_later', timer)
print('when - time():', f'{timer.when() - t0:.1f}')
timer.cancel()
show('cancelled timer', timer)
at = loop.call_at(t0 + 5, cb)
show('call_at', at)
print('call_at when - time():', f'{at.when() - t0:.1f}')
loop.close()
