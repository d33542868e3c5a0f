# A semaphore never lets a newcomer overtake a waiter: after release() woke
# the waiters, locked() is True and a new acquire() queues behind them, even
# before they ran (FIFO); releases in one step wake that many waiters.
import asyncio
import re


def r(x):
    return re.sub(r'<asyncio\.locks\.(\w+) object at 0x[0-9a-f]+ ', r'<\1 ', repr(x))


async def take(sem, name, log):
    await sem.acquire()
    log.append(name)
    print(f'{name}: acquired, {r(sem)}')


async def main():
    sem = asyncio.Semaphore(0)
    log = []
    ts = [asyncio.create_task(take(sem, n, log)) for n in 'abc']
    await asyncio.sleep(0)
    print('main:', r(sem), sem.locked())
    sem.release()
    sem.release()
    print('main: released twice,', r(sem), sem.locked())
    late = asyncio.create_task(take(sem, 'late', log))
    await asyncio.sleep(0)
    print('main:', r(sem), log)
    sem.release()
    sem.release()
    print('main: released twice more,', r(sem))
    await asyncio.gather(*ts, late)
    print('main:', log, r(sem))
    sem.release()
    print('main: acquire with a free slot ->', await sem.acquire(), r(sem))


asyncio.run(main())
