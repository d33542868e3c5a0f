# A chain of 200 coroutines, each awaiting the next: the innermost one's
# sleep(0) suspends the whole chain for exactly one iteration, resuming it
# is a single step of the task (nothing of the ticker runs in the middle),
# values come back up level by level, and an exception raised at the
# bottom goes up through every level's except/finally blocks.
import asyncio

DEPTH = 200
unwound = []


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 8:
        loop.call_soon(tick, loop, n + 1)


async def chain(level, sleeps):
    if level == DEPTH:
        for i in range(sleeps):
            print(f'bottom: sleep {i}')
            await asyncio.sleep(0)
        print('bottom: returns')
        return 0
    value = await chain(level + 1, sleeps)
    if level % 50 == 0:
        print(f'level {level}: got {value}')
    return value + 1


async def failing_chain(level):
    try:
        if level == DEPTH:
            await asyncio.sleep(0)
            print('bottom: raises')
            raise ValueError('from the bottom')
        await failing_chain(level + 1)
    finally:
        unwound.append(level)


async def catching_chain(level):
    if level == DEPTH:
        await asyncio.sleep(0)
        raise KeyError(level)
    try:
        return await catching_chain(level + 1)
    except KeyError as e:
        if level % 40 == 0:
            print(f'level {level}: caught KeyError {e.args[0]}, raises again')
            raise KeyError(level)
        raise


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(tick, loop, 0)
    print('main: chain gives', await chain(0, 3))
    t = asyncio.create_task(failing_chain(0))
    try:
        await t
    except ValueError as e:
        print('main: failing chain raised', repr(e))
    print('main: finally blocks ran', len(unwound), 'times, first',
          unwound[0], 'last', unwound[-1])
    try:
        await catching_chain(0)
    except KeyError as e:
        print('main: catching chain raised KeyError', e.args[0])
    two = [asyncio.create_task(chain(0, 2)), asyncio.create_task(chain(0, 1))]
    print('main: two chains give', [await t for t in two])


asyncio.run(main())
