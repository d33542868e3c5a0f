# asyncio.run() returns main's result, then cancels the tasks still pending:
# each gets CancelledError in its except block and may await while it
# cleans up; one that swallows it just ends. Callbacks left queued keep
# running meanwhile. (Several leftovers are cancelled in the order of a
# set, so they log, and the log prints sorted.)
import asyncio

log = []
leftovers = []


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 3:
        loop.call_soon(tick, loop, n + 1)


async def printer():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('printer: cancelled by asyncio.run(); cleans up')
        await asyncio.sleep(0)
        print('printer: cleaned up')
        raise


async def quiet(name, swallow):
    try:
        await asyncio.get_running_loop().create_future()
    except asyncio.CancelledError:
        log.append(f'{name} cancelled')
        if not swallow:
            raise
    log.append(f'{name} ends normally')


async def main():
    loop = asyncio.get_running_loop()
    # Held: a task awaiting a future that nothing else holds is garbage.
    leftovers.extend([
        asyncio.create_task(printer()),
        asyncio.create_task(quiet('q1', swallow=False)),
        asyncio.create_task(quiet('q2', swallow=True)),
    ])
    await asyncio.sleep(0)
    loop.call_soon(tick, loop, 0)
    print('main: returns')
    return 'main result'


print('run() gives', asyncio.run(main()))
print('log:', sorted(log))
