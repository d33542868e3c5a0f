# A task that catches CancelledError goes on: cancelling() counts the
# request, uncancel() takes it back, and the task awaits again and returns
# a result; it is not cancelled in the end.
import asyncio


async def worker(started):
    task = asyncio.current_task()
    started.set_result(None)
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print('worker: caught', repr(str(e)), 'cancelling() =', task.cancelling())
        print('worker: uncancel() ->', task.uncancel())
        print('worker: cancelling() =', task.cancelling())
    print('worker: sleeps again')
    await asyncio.sleep(0)
    print('worker: returns')
    return 'finished anyway'


async def main():
    loop = asyncio.get_running_loop()
    started = loop.create_future()
    t = asyncio.create_task(worker(started))
    await started
    print('main: cancel() ->', t.cancel('stop'))
    print('main: cancelling() =', t.cancelling(), 'cancelled() =', t.cancelled())
    print('main: result', await t)
    print('main: cancelled() =', t.cancelled(), 'cancel() on done ->', t.cancel())


asyncio.run(main())
