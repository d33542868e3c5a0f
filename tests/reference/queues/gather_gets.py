# q.get() and q.put() are coroutines: nothing happens until they run, and
# gather() runs each in a task of its own, in order; an unawaited
# coroutine takes nothing (it is closed here so Python does not warn).
import asyncio


async def main():
    q = asyncio.Queue()
    lazy = q.get()
    q.put_nowait(1)
    print('after q.get() and a put:', q)
    results = await asyncio.gather(q.get(), q.get(), q.put(2), q.put(3))
    print('gather ->', results, q)
    lazy.close()
    q.put_nowait(4)
    print('get ->', await q.get(), q)
    t = asyncio.ensure_future(q.get())
    print('ensure_future: done?', t.done(), q)
    q.put_nowait(5)
    print('task ->', await t, q)


asyncio.run(main())
