# A task resumes from a future in its place among the future's done
# callbacks (in the order they were registered), in the iteration after
# the future is set, behind callbacks queued before it was set; what the
# resumed code schedules runs after everything of that iteration, and a
# done callback added to the finished future is scheduled at once. A task
# that adds done callbacks to itself sees them run after it finishes,
# together with the resumption of the task awaiting it.
import asyncio


async def waiter(name, fut):  # a generator in TypeScript, but for b
    loop = asyncio.get_running_loop()
    print(f'{name}: waits')
    value = await fut
    print(f'{name}: resumed with {value}')
    loop.call_soon(print, f'call_soon from {name}')
    fut.add_done_callback(lambda f: print(f'done callback added by {name}'))
    return name


async def finisher():  # a generator
    me = asyncio.current_task()
    me.add_done_callback(lambda t: print('finisher: own callback 1'))
    await asyncio.sleep(0)
    me.add_done_callback(lambda t: print('finisher: own callback 2'))
    print('finisher: returns')
    return 'finished'


async def main():  # a generator
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print('done callback 1'))
    a = asyncio.create_task(waiter('a', fut))
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: print('done callback 2'))
    b = asyncio.create_task(waiter('b', fut))
    c = asyncio.create_task(waiter('c', fut))
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: print('done callback 3'))
    loop.call_soon(print, 'plain callback before set_result')
    fut.set_result(7)
    loop.call_soon(print, 'plain callback after set_result')
    print('main: set the result')
    print('main: waiters give', await asyncio.gather(a, b, c))
    f = asyncio.create_task(finisher())
    f.add_done_callback(lambda t: print('main: callback on finisher'))
    print('main: finisher gives', await f)
    await asyncio.sleep(0)
    print('main: returns')


asyncio.run(main())
