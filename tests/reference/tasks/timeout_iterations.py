# The iterations of a timeout that expires without a timer, against a
# ticker: a deadline already past is handled by a callback in the next
# iteration, the code gets CancelledError one iteration after that, and
# the TimeoutError comes in the same step. A task already cancelled when it
# enters a timeout keeps that request: the expiry still gives TimeoutError.
import asyncio


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 6:
        loop.call_soon(tick, loop, n + 1)


async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    loop.call_soon(tick, loop, 0)
    try:
        async with asyncio.timeout(-1):
            print('body: starts; awaits a future')
            try:
                await loop.create_future()
            except asyncio.CancelledError:
                print('body: cancelled')
                raise
    except TimeoutError:
        print('TimeoutError')
    await asyncio.sleep(0)

    me.cancel()
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError:
        print('main: caught its own cancellation, keeps it; cancelling() =',
              me.cancelling())
    try:
        async with asyncio.timeout(0):
            await asyncio.sleep(0)
    except TimeoutError:
        print('TimeoutError again; cancelling() =', me.cancelling())
    me.uncancel()


asyncio.run(main())
