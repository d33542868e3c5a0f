# Chains of callbacks that reschedule themselves interleave one step per
# iteration; a callback that schedules two runs both in the next iteration.
import asyncio

loop = asyncio.new_event_loop()


def chain(name, n, limit):
    print(f'{name}{n}')
    if n < limit:
        loop.call_soon(chain, name, n + 1, limit)


def fork(depth):
    print(f'fork depth {depth}')
    if depth < 2:
        loop.call_soon(fork, depth + 1)
        loop.call_soon(chain, f'x{depth}-', 0, 1)


def after(n, fn):
    if n == 0:
        fn()
    else:
        loop.call_soon(after, n - 1, fn)


def finish():
    print('finish')
    loop.stop()


loop.call_soon(chain, 'a', 0, 3)
loop.call_soon(chain, 'b', 0, 2)
loop.call_soon(fork, 0)
loop.call_soon(chain, 'c', 0, 4)
loop.call_soon(after, 3, finish)
loop.run_forever()
loop.close()
