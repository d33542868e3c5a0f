# With eager_task_factory, create_task() runs the new task's first step at
# once, inside the call, with the task as the current task: the lines the
# child prints before its first await come between the creator's lines. A
# child that suspends goes on as a normal task, in the loop's order; the
# creator is the current task again once create_task() returns. (Python
# 3.13 names a factory's task after its first step, so the first step
# records the current task, and main compares.)
import asyncio

first = {}


def name():
    task = asyncio.current_task()
    return task.get_name() if task else '-'


async def child(label, pauses):
    first[label] = asyncio.current_task()
    print(f'{label}: first step')
    for i in range(pauses):
        await asyncio.sleep(0)
        print(f'{label}: step {i + 2}, current {name()}')
    return label


async def main():
    me = asyncio.current_task()
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    loop.call_soon(print, 'callback queued before the children')
    print('main: creates a')
    a = asyncio.create_task(child('a', 2), name='a')
    print(f'main: created a; a ran as itself {first["a"] is a}, '
          f'main current again {asyncio.current_task() is me}')
    b = asyncio.create_task(child('b', 1), name='b')
    print(f'main: created b; b ran as itself {first["b"] is b}, '
          f'a done {a.done()}, b done {b.done()}')
    loop.call_soon(print, 'callback queued after the children')
    await asyncio.sleep(0)
    print('main: resumes')
    print('results', await a, await b)


asyncio.run(main())
