# stop() before run_forever() makes it run exactly one iteration.
import asyncio

loop = asyncio.new_event_loop()
ran = []


def step(n):
    print(f'step {n}')
    ran.append(n)
    loop.call_soon(step, n + 1)


def timer():
    print('timer: never in the first two runs')


loop.call_soon(step, 0)
loop.call_soon(print, 'also in the first iteration')
loop.call_later(10, timer)
loop.stop()
loop.run_forever()
print('after first run:', ran)
loop.stop()
loop.stop()
loop.run_forever()
print('after second run:', ran)
loop2 = asyncio.new_event_loop()
loop2.stop()
loop2.run_forever()
print('an empty loop stopped before running returns at once')
loop2.close()
loop.close()
