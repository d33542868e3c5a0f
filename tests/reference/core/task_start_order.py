# A task's coroutine starts on the loop's schedule, one iteration after
# create_task(), in creation order among the callbacks queued meanwhile;
# run_until_complete() of a coroutine starts it the same way.
import asyncio

loop = asyncio.new_event_loop()


async def job(name, inner=None):
    print(f'{name} starts')
    if inner is not None:
        loop.create_task(job(inner))
        print(f'{name} created {inner}')
    fut = loop.create_future()
    loop.call_soon(fut.set_result, name)
    value = await fut
    print(f'{name} resumes with {value}')
    return value


async def main():
    print('main starts')
    t1 = loop.create_task(job('t1', inner='t1-child'))
    loop.call_soon(print, 'callback between t1 and t2')
    t2 = loop.create_task(job('t2'))
    print('main created t1 and t2; not started:', not t1.done(), not t2.done())
    fut = loop.create_future()
    t2.add_done_callback(lambda t: fut.set_result(t.result()))
    print('main waits for t2 through a done callback')
    print('main got', await fut)
    return 'main done'


loop.call_soon(print, 'callback queued before run_until_complete')
print(loop.run_until_complete(main()))
loop.stop()
loop.run_forever()
loop.close()
