# cancel() called three times in a row counts three requests in
# cancelling(), but the task's code gets a single CancelledError, with the
# first message; uncancel() counts back down and stops at zero. A later
# request is a new one, delivered at the next await.
import asyncio


async def worker(phase):
    me = asyncio.current_task()
    try:
        phase.set_result('waiting')
        await asyncio.get_running_loop().create_future()
    except asyncio.CancelledError as e:
        print('worker: caught', repr(e.args[0]), 'cancelling() =', me.cancelling())
    await asyncio.sleep(0)
    print('worker: no second CancelledError after sleep(0)')
    print('worker: uncancel() ->', [me.uncancel() for _ in range(4)])
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print('worker: caught', repr(e.args[0]), 'cancelling() =', me.cancelling())
    return 'worker done'


async def main():
    phase = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(worker(phase))
    await phase
    print('main: cancel() x3 ->', [t.cancel(m) for m in ('first', 'second', 'third')])
    print('main: cancelling() =', t.cancelling())
    for _ in range(3):
        await asyncio.sleep(0)
    print('main: cancel() once more ->', t.cancel('fourth'))
    print('main:', await t, '; cancelling() =', t.cancelling())


asyncio.run(main())
