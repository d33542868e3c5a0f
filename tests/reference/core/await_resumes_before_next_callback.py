# Code that awaits a pending future resumes inside the task's wakeup
# callback and runs to its next await before the loop runs the next ready
# callback.
import asyncio

loop = asyncio.new_event_loop()
f1 = loop.create_future()
f2 = loop.create_future()


async def waiter(name, fut):
    print(f'{name}: waiting')
    value = await fut
    print(f'{name}: got {value}')
    loop.call_soon(print, f'{name}: callback scheduled after the resume')
    print(f'{name}: still running before any other callback')
    return value


def resolve_both():
    print('resolve_both: f2 first, then f1')
    f2.set_result(2)
    f1.set_result(1)
    loop.call_soon(print, 'scheduled by resolve_both, after the wakeups')


t1 = loop.create_task(waiter('t1', f1))
t2 = loop.create_task(waiter('t2', f2))
loop.call_soon(resolve_both)
loop.call_soon(print, 'queued behind resolve_both')
print('t1 result', loop.run_until_complete(t1))
print('t2 done', t2.done())
loop.stop()
loop.run_forever()
loop.close()
