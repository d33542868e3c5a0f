# Moving a deadline: reschedule() a timeout(None) to make it expire, to
# None or far away to keep it from expiring, into the past to expire at the
# next iteration; timeout_at() takes a loop time. A timeout that is not
# active refuses reschedule().
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.01)
            await asyncio.sleep(10)
    except TimeoutError:
        print('None, rescheduled to soon: TimeoutError')

    async with asyncio.timeout(0.01) as cm:
        cm.reschedule(None)
        await asyncio.sleep(0.02)
    print('rescheduled to None: expired()', cm.expired())

    async with asyncio.timeout(0.01) as cm:
        cm.reschedule(loop.time() + 10)
        await asyncio.sleep(0.02)
    print('rescheduled later: expired()', cm.expired())

    try:
        async with asyncio.timeout(10) as cm:
            cm.reschedule(loop.time() - 1)
            print('rescheduled into the past: still runs until it awaits')
            await asyncio.sleep(10)
    except TimeoutError:
        print('rescheduled into the past: TimeoutError')

    t0 = loop.time()
    try:
        async with asyncio.timeout_at(t0 + 0.01) as cm:
            print(f'timeout_at: when() - t0 = {cm.when() - t0:.3f}')
            await asyncio.sleep(10)
    except TimeoutError:
        print('timeout_at: TimeoutError, expired()', cm.expired())

    for when in (None, 1.0):
        try:
            cm.reschedule(when)
        except RuntimeError as e:
            print('reschedule() after exit:', e)
    try:
        asyncio.timeout(1).reschedule(None)
    except RuntimeError as e:
        print('reschedule() before enter:', e)
    try:
        async with asyncio.timeout(0.01) as cm:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                cm.reschedule(None)
    except RuntimeError as e:
        print('reschedule() while expiring:', e)


asyncio.run(main())
