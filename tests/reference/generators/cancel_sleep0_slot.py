# A task parked on sleep(0) already has its next step in the ready queue:
# cancelling it makes that very step raise CancelledError, in the same place
# among the callbacks, whether the step comes later in the current
# iteration or in the next one.
import asyncio


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 6:
        loop.call_soon(tick, loop, n + 1)


async def spinner(name):
    i = 0
    try:
        while True:
            print(f'{name}: step {i}')
            i += 1
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(f'{name}: cancelled at step {i}')
        raise


async def canceller(targets):
    await asyncio.sleep(0)
    print('canceller: cancels early and late')
    for t in targets:
        t.cancel()
    await asyncio.sleep(0)
    print('canceller: done')


async def main():
    loop = asyncio.get_running_loop()
    early = asyncio.create_task(spinner('early'))
    loop.call_soon(tick, loop, 0)
    targets = []
    c = asyncio.create_task(canceller(targets))
    late = asyncio.create_task(spinner('late'))
    targets.extend([early, late])
    await asyncio.gather(early, late, c, return_exceptions=True)
    print('main: cancelled', early.cancelled(), late.cancelled())


asyncio.run(main())
