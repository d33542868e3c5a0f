# When main raises, asyncio.run() still cancels the tasks left and closes
# the loop, then raises main's exception; when main is cancelled, it raises
# CancelledError. Each run has its own loop, and none is current after.
import asyncio


async def leftover(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f'{name}: cancelled at shutdown')
        raise


async def failing_main():
    asyncio.create_task(leftover('left by failing main'))
    await asyncio.sleep(0)
    print('failing main: raises')
    raise ValueError('main failed')


async def cancelled_main():
    asyncio.create_task(leftover('left by cancelled main'))
    await asyncio.sleep(0)
    print('cancelled main: cancels itself')
    asyncio.current_task().cancel()
    await asyncio.sleep(0)
    print('never printed')


loops = []


async def record():
    loops.append(asyncio.get_running_loop())
    return len(loops)


try:
    asyncio.run(failing_main())
except ValueError as e:
    print('run() raised', repr(e))
try:
    asyncio.run(cancelled_main())
except asyncio.CancelledError:
    print('run() raised CancelledError')
print('runs:', asyncio.run(record()), asyncio.run(record()))
print('two loops:', loops[0] is not loops[1], 'closed:',
      [loop.is_closed() for loop in loops])
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print('no current loop:', str(e).startswith('There is no current event loop'))
