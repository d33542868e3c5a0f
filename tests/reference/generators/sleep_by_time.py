# Tasks that start together wake in the order of their delays, not of their
# creation; sleep() returns its result argument, and sleep() with a
# negative delay is sleep(0). (Each task aims at a deadline from the same
# t0, so that a machine too busy to run the task steps back to back cannot
# turn the order around.)
import asyncio


async def sleeper(name, t0, delay, log):
    loop = asyncio.get_running_loop()
    value = await asyncio.sleep(t0 + delay - loop.time(), f'{name}-result')
    print(f'{name} woke: {value}')
    log.append(name)
    return name


async def main():
    loop = asyncio.get_running_loop()
    log = []
    t0 = loop.time()
    tasks = [
        asyncio.create_task(sleeper('zero', t0, -1, log)),
        asyncio.create_task(sleeper('late', t0, 0.06, log)),
        asyncio.create_task(sleeper('early', t0, 0.02, log)),
        asyncio.create_task(sleeper('middle', t0, 0.04, log)),
    ]
    for t in tasks:
        await t
    print('wake order:', log)
    print('results:', [t.result() for t in tasks])
    print('sleep(0) gives', await asyncio.sleep(0), 'and', await asyncio.sleep(0, 7))
    print('sleep(-1) gives', await asyncio.sleep(-1, 'negative'))


asyncio.run(main())
