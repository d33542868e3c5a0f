# Several tasks hand futures to each other, and a ticker shows in which
# iteration each resumption happens.
import asyncio

loop = asyncio.new_event_loop()
ping_turn = [loop.create_future() for _ in range(3)]
pong_turn = [loop.create_future() for _ in range(3)]
third = loop.create_future()


def tick(n):
    print(f'-- tick {n}')
    if n < 12:
        loop.call_soon(tick, n + 1)


async def ping():
    for i in range(3):
        print(f'ping {i}: hands over')
        pong_turn[i].set_result(i)
        value = await ping_turn[i]
        print(f'ping {i}: back with {value}')
    return 'ping done'


async def pong():
    for i in range(3):
        value = await pong_turn[i]
        print(f'pong {i}: got {value}')
        if i == 1:
            loop.call_soon(third.set_result, 'via a callback')
            print('pong: waits for third')
            print(f'pong: {await third}')
        ping_turn[i].set_result(value * 10)
    return 'pong done'


async def observer():
    print(f'observer: {await third}')
    print(f'observer: ping_turn[2] is {await ping_turn[2]}')


loop.call_soon(tick, 0)
tasks = [loop.create_task(ping()), loop.create_task(pong()),
         loop.create_task(observer())]
print(loop.run_until_complete(tasks[0]))
print('pong', tasks[1].result(), 'observer', tasks[2].done())
loop.close()
