# A BoundedSemaphore refuses a release() above its initial value, a plain
# Semaphore counts on; locked() is also True while a (not cancelled) task
# waits, even with a free slot.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def main():
    bounded = asyncio.BoundedSemaphore(2)
    try:
        bounded.release()
    except ValueError as e:
        print('bounded:', e, r(bounded))
    await bounded.acquire()
    await bounded.acquire()
    print('bounded:', r(bounded), bounded.locked())
    bounded.release()
    bounded.release()
    try:
        bounded.release()
    except ValueError as e:
        print('bounded:', e, r(bounded))

    sem = asyncio.Semaphore(0)
    sem.release()
    sem.release()
    print('plain:', r(sem))
    z = asyncio.Semaphore(0)
    w = asyncio.create_task(z.acquire())
    await asyncio.sleep(0)
    print('waiting:', r(z), z.locked())
    z.release()
    print('released, waiter not run yet:', r(z), z.locked())
    print('waiter ->', await w, r(z))
    w2 = asyncio.create_task(z.acquire())
    await asyncio.sleep(0)
    w2.cancel()
    print('cancelled waiter:', r(z), z.locked())
    await asyncio.gather(w2, return_exceptions=True)
    print('after:', r(z), z.locked())


asyncio.run(main())
