# shutdown(immediate=True) drops the items left, counting each one as done
# (which releases join()), and every getter raises QueueShutDown at once;
# items already taken but not marked done still hold join() back.
import asyncio


async def getter(q, name):
    try:
        item = await q.get()
        print(f'{name}: got {item}')
    except asyncio.QueueShutDown as e:
        print(f'{name}: {type(e).__name__}')


async def putter(q, name, item):
    try:
        await q.put(item)
        print(f'{name}: put {item}')
    except asyncio.QueueShutDown as e:
        print(f'{name}: {type(e).__name__}')


async def joiner(q, name):
    await q.join()
    print(f'{name}: joined, {q}')


async def main():
    q = asyncio.Queue(maxsize=3)
    for i in range(3):
        q.put_nowait(i)
    putters = [asyncio.create_task(putter(q, f'p{i}', 10 + i))
               for i in range(2)]
    joiners = [asyncio.create_task(joiner(q, f'j{i}')) for i in range(2)]
    await asyncio.sleep(0)
    print('main:', q)
    q.shutdown(immediate=True)
    print('main: shut down,', q, 'empty', q.empty())
    await asyncio.gather(*putters, *joiners)
    await getter(q, 'g')

    q = asyncio.Queue()
    for i in range(4):
        q.put_nowait(i)
    print('main: got', q.get_nowait(), q.get_nowait())
    j = asyncio.create_task(joiner(q, 'j'))
    await asyncio.sleep(0)
    q.shutdown(True)
    print('main: shut down,', q)
    await asyncio.sleep(0)
    print('main: joiner done?', j.done())
    q.task_done()
    print('main: one done,', q)
    q.task_done()
    print('main: two done,', q)
    await j
    try:
        q.task_done()
    except ValueError as e:
        print('task_done:', e)

    q = asyncio.Queue()
    getters = [asyncio.create_task(getter(q, f'w{i}')) for i in range(2)]
    await asyncio.sleep(0)
    q.put_nowait('x')
    q.shutdown(immediate=True)
    print('main: put then shut down at once,', q)
    await asyncio.gather(*getters)


asyncio.run(main())
