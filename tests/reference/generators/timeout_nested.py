# Nested timeouts. The inner one expiring first raises TimeoutError inside
# the outer block, which goes on. The outer one expiring first cancels the
# code in the inner block too; the inner block lets the CancelledError
# through and the outer one turns it into TimeoutError. A cancellation from
# elsewhere during an expiry is not swallowed: it stays a CancelledError.
import asyncio


async def main():
    me = asyncio.current_task()
    async with asyncio.timeout(10) as outer:
        try:
            async with asyncio.timeout(0.01) as inner:
                await asyncio.sleep(10)
        except TimeoutError:
            print('inner expired first: TimeoutError inside the outer block')
        await asyncio.sleep(0)
        print('outer block goes on')
    print('expired():', inner.expired(), outer.expired())

    try:
        async with asyncio.timeout(0.01) as outer:
            try:
                async with asyncio.timeout(10) as inner:
                    try:
                        await asyncio.sleep(10)
                    except asyncio.CancelledError:
                        print('code in the inner block: cancelled')
                        raise
            except asyncio.CancelledError:
                print('inner block: lets CancelledError through')
                raise
    except TimeoutError:
        print('outer expired first: TimeoutError out of the outer block')
    print('expired():', inner.expired(), outer.expired())

    async def victim():
        try:
            async with asyncio.timeout(0.01):
                try:
                    await asyncio.sleep(10)
                except asyncio.CancelledError:
                    print('victim: cancelled by its timeout; now cancelled from outside too')
                    asyncio.current_task().cancel()
                    await asyncio.sleep(0)
        except TimeoutError:
            print('never printed')
        except asyncio.CancelledError:
            print('victim: CancelledError, not TimeoutError; cancelling() =',
                  asyncio.current_task().cancelling())
            raise

    t = asyncio.create_task(victim())
    try:
        await t
    except asyncio.CancelledError:
        print('victim ended cancelled:', t.cancelled())
    print('main: cancelling() =', me.cancelling())


asyncio.run(main())
