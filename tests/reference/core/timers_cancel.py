# Cancelled timers never run: cancelled before the loop, by an earlier timer,
# or after they became due and moved to the ready queue. (Timers at
# different times may share an iteration on a busy real clock: nothing
# printed depends on that.)
import asyncio

loop = asyncio.new_event_loop()
handles = {}


def fire(name):
    print(f'{name} fires')


def canceller():
    print('canceller cancels d (a later timer)')
    handles['d'].cancel()
    print('d cancelled:', handles['d'].cancelled())


def make_due_pair():
    print('make_due_pair: x and y are due at once; x cancels y')
    handles['y'] = loop.call_later(-0.001, fire, 'y')
    handles['x'] = loop.call_later(-0.002, cancel_y)
    loop.call_later(0.01, loop.stop)


def cancel_y():
    print('x runs first and cancels y, already in the ready queue')
    handles['y'].cancel()


t0 = loop.time()
for name, offset in [('a', 0.01), ('b', 0.02), ('c', 0.03), ('d', 0.05)]:
    handles[name] = loop.call_at(t0 + offset, fire, name)
handles['b'].cancel()
print('b cancelled before the loop:', handles['b'].cancelled())
print('a cancelled:', handles['a'].cancelled())
loop.call_at(t0 + 0.04, canceller)
loop.call_at(t0 + 0.06, make_due_pair)
many = [loop.call_at(t0 + 0.001 * i, fire, f'many {i}') for i in range(1, 200)]
for h in many:
    h.cancel()
loop.run_forever()
handles['a'].cancel()
print('cancel after running: cancelled', handles['a'].cancelled())
loop.close()
