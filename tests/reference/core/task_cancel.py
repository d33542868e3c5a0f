# Task.cancel(): the task's code gets CancelledError at the await it is
# suspended on; it may catch it and go on, or let it end the task
# cancelled. A task cancelled before it starts never runs its code.
import asyncio

loop = asyncio.new_event_loop()


async def worker():
    fut = loop.create_future()
    print('worker: awaiting fut')
    try:
        await fut
    except asyncio.CancelledError as e:
        print('worker: caught CancelledError', repr(str(e)))
        print('worker: fut cancelled too:', fut.cancelled())
    again = loop.create_future()
    print('worker: awaiting again')
    # Scheduled from here, not up front: on a loaded machine a timer set
    # earlier could fire before the first cancellation is delivered.
    loop.call_later(0.01, second_cancel)
    await again
    print('never printed')


async def never_started():
    print('never printed either')


def cancel_it(task, msg):
    print(f'cancel({msg!r}) returns', task.cancel(msg))
    print('cancelling():', task.cancelling())


task = loop.create_task(worker())
loop.call_soon(loop.call_soon, cancel_it, task, 'first')
loop.call_soon(print, 'ready callback')
late = loop.create_task(never_started())
print('cancel before start:', late.cancel())


def second_cancel():
    cancel_it(task, 'second')

try:
    loop.run_until_complete(task)
except asyncio.CancelledError as e:
    print('run_until_complete: CancelledError', repr(str(e)))
print('task cancelled:', task.cancelled(), 'late cancelled:', late.cancelled())
print('cancel a done task:', task.cancel())
loop.close()
