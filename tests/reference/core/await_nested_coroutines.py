# A coroutine that awaits another coroutine does not yield by itself: only
# the awaits of pending futures inside do (a future resolved before it is
# awaited does not yield either).
import asyncio

loop = asyncio.new_event_loop()


def tick(n):
    print(f'-- tick {n}')
    if n < 8:
        loop.call_soon(tick, n + 1)


async def leaf(name, delay_iterations):
    fut = loop.create_future()

    def resolve(n):
        if n == 0:
            fut.set_result(name.upper())
        else:
            loop.call_soon(resolve, n - 1)

    resolve(delay_iterations)
    print(f'leaf {name}: awaiting')
    value = await fut
    print(f'leaf {name}: resumed')
    return value


async def middle(name):
    print(f'middle {name}: calls leaf')
    first = await leaf(name + '1', 1)
    second = await leaf(name + '2', 0)
    print(f'middle {name}: {first} {second}')
    return first + second


async def main():
    loop.call_soon(tick, 0)
    print('main: start')
    a = await middle('a')
    b = await middle('b')
    print('main:', a, b)
    return a + b


print(loop.run_until_complete(main()))
loop.close()
