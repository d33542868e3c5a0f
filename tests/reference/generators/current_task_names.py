# Task names: Task-N from one counter that every task takes a number from,
# a name given at creation, set_name() (str() of any value); current_task()
# is the task whose code runs (after an await too), None in a plain
# callback; all_tasks() holds the tasks not done yet (printed sorted). A
# named task takes no number.
import asyncio


def callback(fut):
    print('callback: current_task() is', asyncio.current_task())
    fut.set_result(None)


async def job(fut=None):
    me = asyncio.current_task()
    print('job: running as', me.get_name())
    if fut is not None:
        await fut
        print('job: resumed as', asyncio.current_task().get_name())
    return me.get_name()


async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    print('main is', me.get_name())
    a = asyncio.create_task(job())
    # loop.create_task: asyncio 3.11's create_task(name=...) takes a number.
    b = loop.create_task(job(), name='worker')
    fut = loop.create_future()
    c = loop.create_task(job(fut))
    print('created:', a.get_name(), b.get_name(), c.get_name())
    c.set_name(42)
    print('renamed:', repr(c.get_name()))
    print('all_tasks:', sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(0)
    print('after a step:', sorted(t.get_name() for t in asyncio.all_tasks()))
    loop.call_soon(callback, fut)
    print('results:', await a, await b, await c)
    print('all_tasks:', sorted(t.get_name() for t in asyncio.all_tasks()))
    print('current_task() is main:', asyncio.current_task() is me)
    d = asyncio.create_task(job())
    print('next number:', d.get_name())
    await d


asyncio.run(main())
