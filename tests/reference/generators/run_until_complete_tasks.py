# Tasks on a loop driven by hand: tasks created before the loop runs start
# on its first iteration; run_until_complete() of one task stops when it is
# done and leaves the others pending, to go on at the next run; a task
# run_until_complete() makes from a coroutine gets the next Task-N.
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)


async def worker(name, steps):
    for i in range(steps):
        print(f'{name}: step {i}')
        await asyncio.sleep(0)
    return name


async def main():
    print('main: runs as', asyncio.current_task().get_name())
    return 'main'


a = loop.create_task(worker('a', 1))
b = loop.create_task(worker('b', 4))
loop.call_soon(print, 'callback queued before the run')
print('first run:', loop.run_until_complete(a))
print('b pending:', not b.done())
print('second run:', loop.run_until_complete(main()))
print('b pending:', not b.done())
print('third run:', loop.run_until_complete(b))
print('gather run:', loop.run_until_complete(
    asyncio.gather(worker('c', 1), worker('d', 2))))
loop.close()
