# A task that awaits another task resumes through the awaited task's done
# callbacks, one iteration after it finishes; a ticker shows the iterations.
import asyncio

loop = asyncio.new_event_loop()


def tick(n):
    print(f'-- tick {n}')
    if n < 10:
        loop.call_soon(tick, n + 1)


async def leaf(name):
    fut = loop.create_future()
    loop.call_soon(fut.set_result, name)
    print(f'{name}: awaiting its future')
    value = await fut
    print(f'{name}: finishing')
    return value.upper()


async def middle():
    inner = loop.create_task(leaf('inner'))
    print('middle: awaiting inner task')
    value = await inner
    print(f'middle: got {value}; awaiting the finished task again')
    again = await inner
    print(f'middle: again {again}, no yield')
    return value + '!'


async def main():
    loop.call_soon(tick, 0)
    m = loop.create_task(middle())
    print('main: awaiting middle task')
    print(f'main: got {await m}')
    failing = loop.create_task(fail())
    try:
        await failing
    except ValueError as e:
        print('main: awaited task raised', repr(e))
    return 'main done'


async def fail():
    print('fail: raises')
    raise ValueError('from a task')


print(loop.run_until_complete(main()))
loop.close()
