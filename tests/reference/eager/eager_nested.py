# Eager tasks nest: a child created eagerly inside another eager task's first
# step runs inside it; each returns to its creator as current task.
# all_tasks() holds an eager task while its first step runs. (Python 3.13
# names a factory's task after its first step: the steps compare tasks.)
import asyncio

seen = {}


async def inner():
    me = asyncio.current_task()
    seen['inner'] = me
    print(f'inner: first step, in all_tasks {me in asyncio.all_tasks()}')
    await asyncio.sleep(0)
    print(f'inner: resumes as itself {asyncio.current_task() is me}')
    return 'inner'


async def outer():
    me = asyncio.current_task()
    seen['outer'] = me
    print('outer: first step')
    task = asyncio.create_task(inner(), name='inner')
    print(f'outer: current again {asyncio.current_task() is me}, '
          f'inner ran as itself {seen["inner"] is task}')
    await asyncio.sleep(0)
    print(f'outer: resumes as itself {asyncio.current_task() is me}')
    return await task


async def main():
    me = asyncio.current_task()
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    task = asyncio.create_task(outer(), name='outer')
    print(f'main: current again {asyncio.current_task() is me}, '
          f'outer ran as itself {seen["outer"] is task}')
    print('main got', await task)


asyncio.run(main())
