# What a task does with what its coroutine yields: a bare yield is one
# iteration; anything else that is not a future awaited the right way is
# thrown back into the coroutine as a RuntimeError in the next iteration,
# which the coroutine may catch and go on: a future yielded bare (without
# `yield from`/await), a value, awaiting the task itself, a future of
# another loop. (types.coroutine gives the Python side raw yields; the
# TypeScript side's generators yield directly. Messages that show a task's
# repr are compared by their start.)
import asyncio
import types


@types.coroutine
def raw(value):
    return (yield value)


@types.coroutine
def bare():
    yield


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 8:
        loop.call_soon(tick, loop, n + 1)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(tick, loop, 0)
    fut = loop.create_future()
    try:
        await raw(fut)
    except RuntimeError as e:
        print('future yielded bare:',
              str(e).startswith('yield was used instead of yield'))
    print('the future is still pending:', not fut.done())
    for value in (42, 'x', [1, 2]):
        try:
            await raw(value)
        except RuntimeError as e:
            print('value:', str(e))
    print('bare yield gives', await bare())
    try:
        await asyncio.current_task()
    except RuntimeError as e:
        print('itself:', str(e).startswith('Task cannot await on itself: <Task'))
    other = asyncio.new_event_loop()
    try:
        await other.create_future()
    except RuntimeError as e:
        print('other loop:', str(e).startswith('Task <Task'),
              str(e).endswith('attached to a different loop'))
    other.close()
    loop.call_soon(fut.set_result, 'set')
    print('main: the future gives', await fut)
    return 'main survived'


print(asyncio.run(main()))
