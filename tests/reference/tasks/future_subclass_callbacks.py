# A task that awaits a Future subclass registers its wakeup through the
# subclass's own add_done_callback() (Task.__step calls
# result.add_done_callback(self.__wakeup)): a task awaiting it, a task
# cancelled while it waits, and main awaiting one itself. The override holds
# the callbacks back until release(), so the tasks resume only then.
import asyncio


class HeldFuture(asyncio.Future):
    def __init__(self, name, **kwargs):
        super().__init__(**kwargs)
        self.name = name
        self.held = []

    def add_done_callback(self, fn, *, context=None):
        print(f'{self.name}: add_done_callback, callable:', callable(fn))
        self.held.append((fn, context))

    def release(self):
        print(f'{self.name}: release {len(self.held)}')
        for fn, context in self.held:
            super().add_done_callback(fn, context=context)
        self.held = []


async def waiter(fut):
    print(f'waiter: awaits {fut.name}')
    try:
        result = await fut
    except asyncio.CancelledError:
        print(f'waiter: cancelled at {fut.name}')
        raise
    print(f'waiter: got {result}')
    return result


async def main():
    loop = asyncio.get_running_loop()
    first = HeldFuture('first', loop=loop)
    task = asyncio.create_task(waiter(first))
    await asyncio.sleep(0)
    first.set_result(42)
    await asyncio.sleep(0)
    print('main: set, task still waits:', not task.done())
    first.release()
    print('main: task gave', await task)

    second = HeldFuture('second', loop=loop)
    task = asyncio.create_task(waiter(second))
    await asyncio.sleep(0)
    task.cancel()
    await asyncio.sleep(0)
    print('main: cancelled, task still waits:', not task.done())
    second.release()
    try:
        await task
    except asyncio.CancelledError:
        print('main: task cancelled:', task.cancelled(), second.cancelled())

    third = HeldFuture('third', loop=loop)
    loop.call_soon(third.set_result, 'x')
    loop.call_soon(third.release)
    print('main: awaits third')
    print('main: got', await third)


asyncio.run(main())
