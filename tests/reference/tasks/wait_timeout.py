# wait() with a timeout returns what is done by then and leaves the rest
# pending, neither cancelled nor failed; wait() never raises TimeoutError.
# When everything finishes first, the timeout does not matter. (What must
# be done when the timer fires is done before it starts, so that a busy
# machine cannot make it late.)
import asyncio


async def quick(n):
    for _ in range(n):
        await asyncio.sleep(0)
    return n


async def forever():
    await asyncio.get_running_loop().create_future()


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    one = asyncio.create_task(quick(1), name='one')
    long = asyncio.create_task(asyncio.sleep(10), name='long')
    three = asyncio.create_task(quick(3), name='three')
    never = asyncio.create_task(forever(), name='forever')
    await one
    done, pending = await asyncio.wait([one, long, never], timeout=0.02)
    print('timeout=0.02:', names(done), names(pending))
    print('pending cancelled?', [t.cancelled() for t in pending])
    done, pending = await asyncio.wait([one, three], timeout=10)
    print('timeout=10, all done:', names(done), names(pending))
    done, pending = await asyncio.wait([one, long, never], timeout=0)
    print('timeout=0:', names(done), names(pending))
    long.cancel()
    never.cancel()
    done, pending = await asyncio.wait([one, long, never], timeout=1)
    print('after cancel():', names(done), names(pending),
          sorted(t.get_name() for t in done if t.cancelled()))


asyncio.run(main())
