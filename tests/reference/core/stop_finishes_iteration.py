# stop() lets the current iteration finish; what that iteration scheduled
# runs on the next run.
import asyncio

loop = asyncio.new_event_loop()


def a():
    print('a: schedules d')
    loop.call_soon(d)


def stopper():
    print('stopper: stop()')
    loop.stop()
    print('stopper: is_running', loop.is_running())


def b():
    print('b: runs after stop() in the same iteration')


def c():
    print('c: stop() again')
    loop.stop()


def d():
    print('d: ran on the next run')


loop.call_soon(a)
loop.call_soon(stopper)
loop.call_soon(b)
loop.call_soon(c)
loop.run_forever()
print('run_forever returned, is_running', loop.is_running())
loop.call_soon(loop.stop)
loop.run_forever()
print('second run returned')
loop.close()
