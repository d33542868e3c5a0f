# An eager task that finishes without suspending is done when create_task()
# returns: it was never scheduled, and took no loop iteration. Its done
# callbacks still go through call_soon, so they run after the callbacks
# queued before them.
import asyncio

first = []


async def quick(n):
    first.append(asyncio.current_task())
    print(f'quick {n} runs')
    return n * 10


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    loop.call_soon(print, 'callback queued before')
    tasks = [asyncio.create_task(quick(n), name=f'q{n}') for n in range(3)]
    print('each ran as itself:', [a is b for a, b in zip(first, tasks)])
    print('done at once:', [t.done() for t in tasks])
    print('results:', [t.result() for t in tasks])
    print('pending tasks:', len(asyncio.all_tasks()))
    tasks[0].add_done_callback(lambda t: print('done callback of', t.get_name()))
    loop.call_soon(print, 'callback queued after')
    await asyncio.sleep(0)
    print('main resumes')


asyncio.run(main())
