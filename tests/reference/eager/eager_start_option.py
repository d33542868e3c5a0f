# eager_start=True asks one task to start eagerly (Task(..., eager_start=True);
# 3.14's create_task(eager_start=True)), without a task factory. It starts
# eagerly only while its loop runs: created before the loop runs, it is
# scheduled as usual. A task that fails or cancels itself in its eager step
# keeps it to itself: the creator goes on.
import asyncio


def name():
    task = asyncio.current_task()
    return task.get_name() if task else '-'


async def child(label):
    print(f'{label}: first step in {name()}')
    await asyncio.sleep(0)
    print(f'{label}: second step in {name()}')


async def failing():
    print('failing: first step')
    await asyncio.sleep(0)
    raise ValueError('boom')


async def main(loop):
    lazy = asyncio.Task(child('lazy'), loop=loop, name='lazy')
    eager = asyncio.Task(child('eager'), loop=loop, name='eager',
                         eager_start=True)
    print('main: created both')
    bad = asyncio.Task(failing(), loop=loop, eager_start=True)
    print('main: created failing')
    await asyncio.gather(lazy, eager)
    try:
        await bad
    except ValueError as e:
        print('failing raised', e)


loop = asyncio.new_event_loop()
early = asyncio.Task(child('early'), loop=loop, name='early', eager_start=True)
print('before the loop runs, early is scheduled')
loop.run_until_complete(main(loop))
loop.run_until_complete(early)
loop.close()
