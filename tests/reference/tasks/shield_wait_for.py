# The classic pattern: wait_for(shield(work), timeout) gives up waiting
# with TimeoutError, but the work goes on and finishes; a shielded
# coroutine whose waiter is cancelled also runs to its end.
import asyncio


async def work(name, gate, log):
    try:
        await gate
    except asyncio.CancelledError:
        print('never printed: the work is not cancelled')
        raise
    print(f'{name}: finished')
    log.append(name)
    return f'{name} result'


async def waiter(gate, log):
    try:
        await asyncio.shield(work('shielded coroutine', gate, log))
    except asyncio.CancelledError:
        print('waiter: cancelled')
        raise


async def main():
    loop = asyncio.get_running_loop()
    log = []
    gate = loop.create_future()
    t = asyncio.create_task(work('task', gate, log))
    try:
        await asyncio.wait_for(asyncio.shield(t), 0.01)
    except asyncio.TimeoutError:
        print('main: TimeoutError; task still running:', not t.done())
    gate.set_result(None)
    print('main: task gives', await t)
    gate = loop.create_future()
    w = asyncio.create_task(waiter(gate, log))
    await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print('main: waiter cancelled')
    gate.set_result(None)
    while len(log) < 2:
        await asyncio.sleep(0)
    print('main: finished work', log)


asyncio.run(main())
