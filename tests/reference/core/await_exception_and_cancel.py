# A task receives a future's exception, or CancelledError when the future is
# cancelled, at its await, and can go on awaiting.
import asyncio

loop = asyncio.new_event_loop()


def tick(n):
    print(f'-- tick {n}')
    if n < 6:
        loop.call_soon(tick, n + 1)


async def main():
    loop.call_soon(tick, 0)
    failing = loop.create_future()
    loop.call_soon(failing.set_exception, ValueError('from a callback'))
    try:
        await failing
    except ValueError as e:
        print('caught', repr(e))

    cancelled = loop.create_future()
    loop.call_soon(cancelled.cancel)
    try:
        await cancelled
    except asyncio.CancelledError as e:
        print('caught CancelledError', repr(str(e)))

    with_msg = loop.create_future()
    loop.call_soon(with_msg.cancel, 'the message')
    try:
        await with_msg
    except asyncio.CancelledError as e:
        print('caught CancelledError', repr(str(e)))

    ok = loop.create_future()
    loop.call_soon(ok.set_result, 'fine')
    print('then', await ok)
    raise ValueError('main fails')


try:
    loop.run_until_complete(main())
except ValueError as e:
    print('run_until_complete raised', repr(e))
loop.close()
