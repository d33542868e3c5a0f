# Timers run in the order of their times, whatever the order in which they
# were scheduled; a ready callback runs before any of them. (The call_at()
# times are exact offsets from one base, so the real clock cannot reorder
# them; the call_later() delays are 10 ms apart.)
import asyncio

loop = asyncio.new_event_loop()


def at_timer(name, handle_box, t0):
    print(f'call_at {name}: +{handle_box[0].when() - t0:.3f}')


def later_timer(name):
    print(f'call_later {name}')


def schedule():
    t0 = loop.time()
    for name, offset in [('c', 0.03), ('a', 0.01), ('b', 0.02),
                         ('first', 0.005), ('d', 0.025), ('last', 0.04)]:
        box = []
        box.append(loop.call_at(t0 + offset, at_timer, name, box, t0))
    loop.call_at(t0 + 0.045, start_later_timers)
    print('scheduled six call_at timers')


def start_later_timers():
    for name, delay in [('0.03', 0.03), ('0.01', 0.01), ('0.05', 0.05),
                        ('0.02', 0.02), ('0.04', 0.04)]:
        loop.call_later(delay, later_timer, name)
    loop.call_later(0.06, loop.stop)


loop.call_soon(schedule)
loop.call_soon(print, 'a ready callback runs before any timer')
loop.run_forever()
loop.close()
