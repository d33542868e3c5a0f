# Two bad yields that asyncio words specially: a future of another loop
# yielded bare is reported as attached to a different loop (the loop is
# checked before how the future was yielded), and a generator yielded
# instead of delegated to is reported as `yield` used instead of
# `yield from` for a generator. (types.coroutine gives the Python side raw
# yields.)
import asyncio
import types


@types.coroutine
def raw(value):
    return (yield value)


def gen():
    yield


async def main():
    other = asyncio.new_event_loop()
    try:
        await raw(other.create_future())
    except RuntimeError as e:
        print('bare future of another loop:',
              str(e).endswith('attached to a different loop'))
    other.close()
    try:
        await raw(gen())
    except RuntimeError as e:
        print('generator yielded:', 'for generator in task' in str(e))


asyncio.run(main())
