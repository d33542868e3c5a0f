# asyncio.timeout(): when the deadline passes, the code inside is cancelled
# (it sees CancelledError) and the block raises TimeoutError; expired()
# says so, and the task's cancel request is taken back. A block that ends
# in time gives no error; timeout(None) never expires; code that swallows
# the cancellation ends the block normally, expired all the same.
import asyncio


async def main():
    me = asyncio.current_task()
    cm = asyncio.timeout(0.01)
    print('created:', repr(cm), 'expired()', cm.expired())
    try:
        async with cm:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print('inside: cancelled; cancelling() =', me.cancelling())
                raise
    except TimeoutError as e:
        print('TimeoutError', repr(str(e)), '; expired()', cm.expired(),
              repr(cm), '; cancelling() =', me.cancelling())
        print('its cause is the CancelledError:',
              isinstance(e.__cause__, asyncio.CancelledError))

    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.01)
    print('in time: expired()', cm.expired(), repr(cm))

    async with asyncio.timeout(None) as cm:
        print('no deadline:', cm.when(), repr(cm))
        await asyncio.sleep(0.01)
    print('no deadline: expired()', cm.expired())

    async with asyncio.timeout(0.01) as cm:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print('inside: swallows the cancellation')
    print('swallowed: expired()', cm.expired(), '; cancelling() =', me.cancelling())

    try:
        async with asyncio.timeout(0):
            print('timeout(0): the body runs up to its first await')
            await asyncio.sleep(0)
            print('never printed')
    except TimeoutError:
        print('timeout(0): TimeoutError')


asyncio.run(main())
