# Tasks that start together wake in the order of their delays, not of their
# creation; sleep() returns its result argument, and sleep() with a
# negative delay is sleep(0).
import asyncio


async def sleeper(name, delay, log):
    value = await asyncio.sleep(delay, f'{name}-result')
    print(f'{name} woke after {delay}: {value}')
    log.append(name)
    return delay


async def main():
    log = []
    tasks = [
        asyncio.create_task(sleeper('d', 0.04, log)),
        asyncio.create_task(sleeper('a', 0.01, log)),
        asyncio.create_task(sleeper('c', 0.03, log)),
        asyncio.create_task(sleeper('b', 0.02, log)),
        asyncio.create_task(sleeper('z', 0, log)),
        asyncio.create_task(sleeper('n', -1, log)),
    ]
    for t in tasks:
        await t
    print('wake order:', log)
    print('results:', [t.result() for t in tasks])
    print('sleep(0) gives', await asyncio.sleep(0), 'and', await asyncio.sleep(0, 7))


asyncio.run(main())
