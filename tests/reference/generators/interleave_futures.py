# A producer hands values to two consumers through futures, some set
# directly, some by callbacks; each consumer resumes in the iteration after
# its future is set, before the callbacks queued behind the setter.
import asyncio


async def consumer(name, futs):
    total = 0
    for i, fut in enumerate(futs):
        print(f'{name} waits for #{i}')
        value = await fut
        print(f'{name} got {value}')
        total += value
    return total


async def producer(loop, a, b):
    print('producer: sets a[0] directly, b[0] by call_soon')
    a[0].set_result(1)
    loop.call_soon(b[0].set_result, 10)
    loop.call_soon(print, 'callback after the setters')
    await asyncio.sleep(0)
    print('producer: sets b[1] then a[1]')
    b[1].set_result(20)
    a[1].set_result(2)
    await asyncio.sleep(0)
    print('producer: sets a[2] by call_soon, b[2] by call_later(0)')
    loop.call_later(0, b[2].set_result, 30)
    loop.call_soon(a[2].set_result, 3)
    return 'produced'


async def main():
    loop = asyncio.get_running_loop()
    a = [loop.create_future() for _ in range(3)]
    b = [loop.create_future() for _ in range(3)]
    ca = loop.create_task(consumer('A', a))
    cb = loop.create_task(consumer('B', b))
    p = loop.create_task(producer(loop, a, b))
    print('main:', await p, await ca, await cb)


asyncio.run(main())
