# A callback scheduled while an iteration runs waits for the next iteration
# (_run_once runs only the ntodo callbacks that were ready when it began).
import asyncio

loop = asyncio.new_event_loop()


def a():
    print('a: schedules c')
    loop.call_soon(c)


def b():
    print('b: stops the loop')
    loop.stop()


def c():
    print('c: schedules d')
    loop.call_soon(d)


def d():
    print('d')


def tail():
    print('tail: still in the first iteration')


loop.call_soon(a)
loop.call_soon(b)
loop.call_soon(tail)
loop.run_forever()
print('first run_forever returned')
loop.stop()
loop.run_forever()
print('second run_forever returned')
loop.call_soon(loop.stop)
loop.run_forever()
print('third run_forever returned')
loop.close()
