# The task toolkit: sleep(0) yields exactly one iteration, gather() keeps
# input order, wait_for() times out, and asyncio.run() cancels the tasks
# left over. A ticker shows the iterations.
import asyncio


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 8:
        loop.call_soon(tick, loop, n + 1)


# The workers' timers aim at deadlines from one moment, t0: two task steps
# may be tens of milliseconds apart on a busy machine.
t0 = 0


async def worker(name, delay, result):
    print(f'{name}: start')
    now = asyncio.get_running_loop().time()
    await asyncio.sleep(0 if delay == 0 else t0 + delay - now)
    print(f'{name}: after sleep({delay})')
    return result


async def failing():
    await asyncio.sleep(0)
    raise ValueError('worker failed')


# Held: a task awaiting a future that nothing else holds is garbage, and
# may be collected before asyncio.run() gets to cancel it.
held = []


async def leftover():
    try:
        await asyncio.get_running_loop().create_future()
    except asyncio.CancelledError:
        print('leftover: cancelled by asyncio.run()')
        raise


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(tick, loop, 0)
    print('main: sleep(0)')
    await asyncio.sleep(0)
    print('main: after sleep(0)')
    await asyncio.sleep(0)
    print('main: after second sleep(0)')
    global t0
    t0 = loop.time()
    results = await asyncio.gather(
        worker('a', 0.3, 'A'), worker('b', 0.1, 'B'), worker('c', 0, 'C'))
    print('gather:', results)
    results = await asyncio.gather(
        worker('d', 0, 'D'), failing(), return_exceptions=True)
    print('gather with exceptions:', [repr(r) for r in results])
    t0 = loop.time()
    try:
        await asyncio.wait_for(worker('slow', 10, 'never'), 0.01)
    except asyncio.TimeoutError:
        print('wait_for: TimeoutError')
    print('sleep result:', await asyncio.sleep(0, 'value'))
    held.append(loop.create_task(leftover()))
    await asyncio.sleep(0)
    return 'main done'


print(asyncio.run(main()))
