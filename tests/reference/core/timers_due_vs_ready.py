# Due timers go to the ready queue behind the callbacks already there:
# call_later(0), a negative delay and call_at() in the past run behind
# callbacks queued before and after them in the same callback. (Each step
# schedules the next one, so the real clock cannot reorder them.)
import asyncio

loop = asyncio.new_event_loop()


def from_a_timer():
    print('from_a_timer: schedules a, z(call_later 0), b')
    loop.call_soon(print, 'a')
    loop.call_later(0, print, 'z: call_later(0)')
    loop.call_soon(print, 'b')
    loop.call_later(0.01, mixed)


def mixed():
    print('mixed: call_later(-0.002), call_at(past), call_soon, call_later(-0.001)')
    loop.call_later(-0.002, print, 'negative delay, earliest time')
    loop.call_at(loop.time() - 0.0015, print, 'call_at in the past, middle time')
    loop.call_soon(print, 'call_soon, queued after the timers')
    loop.call_later(-0.001, print, 'negative delay, latest time')
    loop.call_soon(chained)
    loop.call_later(0.01, zero_then_soon)


def chained():
    print('chained: call_soon, same iteration as the due timers, before them')


def zero_then_soon():
    loop.call_later(0, print, 'zero timer scheduled first')
    loop.call_soon(print, 'call_soon scheduled second, runs first')
    loop.call_later(0.01, loop.stop)


loop.call_later(0.01, from_a_timer)
loop.run_forever()
loop.close()
