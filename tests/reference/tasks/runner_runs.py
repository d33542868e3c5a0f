# asyncio.Runner runs several mains on one loop: a task that the first run
# leaves pending goes on during the second, and close() cancels what is
# left. get_loop() gives the same loop throughout, made the current loop;
# close() closes it, and a closed runner runs nothing more. Runner.run()
# from inside a running loop is refused. `with` closes the runner at the end
# of the block (`await using` in TypeScript).
import asyncio

state = {}


async def background():
    try:
        for i in range(3):
            await asyncio.sleep(0)
            print(f'background: tick {i}')
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        print('background: cancelled by close()')
        raise


async def first():
    state['background'] = asyncio.create_task(background())
    await asyncio.sleep(0)
    print('first: returns')
    return 1


async def second():
    print('second: starts; background done', state['background'].done())
    for _ in range(3):
        await asyncio.sleep(0)
    print('second: returns')
    return 2


async def nested(runner):
    coro = second()
    try:
        runner.run(coro)
    except RuntimeError as e:
        coro.close()
        print('nested run refused:', e)


runner = asyncio.Runner()
loop = runner.get_loop()
print('same loop', runner.get_loop() is loop,
      'current', asyncio.get_event_loop() is loop)
print('first gave', runner.run(first()))
print('second gave', runner.run(second()))
runner.run(nested(runner))
print('same loop after', runner.get_loop() is loop, 'closed', loop.is_closed())
runner.close()
print('closed', loop.is_closed(), 'background cancelled',
      state['background'].cancelled())
coro = second()
try:
    runner.run(coro)
except RuntimeError:
    coro.close()
    print('run after close refused')
runner.close()
print('close again is fine')

with asyncio.Runner() as block:
    inner_loop = block.get_loop()
    print('in the block', block.run(first()))
print('after the block, closed', inner_loop.is_closed(),
      'background cancelled', state['background'].cancelled())
