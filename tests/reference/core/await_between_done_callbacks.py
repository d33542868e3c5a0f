# A task's wakeup is a done callback like any other: registered between two
# user callbacks, the task resumes between them and runs to its next await
# before the second one runs.
import asyncio

loop = asyncio.new_event_loop()
fut = loop.create_future()
second = loop.create_future()


def cb(name):
    def done(f):
        print(f'{name}: result {f.result()}')
    return done


async def waiter():
    print('waiter: awaiting fut')
    value = await fut
    print(f'waiter: resumed with {value}; sets second, awaits a done future')
    second.set_result('from waiter')
    await second
    print('waiter: no yield; now awaits a pending future')
    third = loop.create_future()
    loop.call_soon(third.set_result, 'third')
    print('waiter:', await third)


def register_late():
    fut.add_done_callback(cb('cb2 (after the await)'))
    second.add_done_callback(cb('second cb'))
    loop.call_soon(fut.set_result, 'x')


fut.add_done_callback(cb('cb1 (before the await)'))
task = loop.create_task(waiter())
loop.call_soon(register_late)
loop.run_until_complete(task)
loop.close()
