# A task whose code ends with the CancelledError('stop') that cancel('stop')
# threw in: asyncio hands that very error to the first retrieval (an await,
# result() or exception()), and the task's own cancel message is None, so
# later retrievals raise CancelledError() without the message. A task that
# is cancelled right as its code returns keeps the message every time.
import asyncio


def msg(e):
    return repr(e.args[0]) if e.args else 'no message'


async def victim():
    await asyncio.sleep(10)


async def returns():
    asyncio.current_task().cancel('at return')
    return 'ignored'


async def main():
    t = asyncio.create_task(victim())
    early = asyncio.create_task(victim())
    late = asyncio.create_task(returns())
    early.cancel('before start')
    await asyncio.sleep(0)
    t.cancel('stop')
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    for name, task in (('t', t), ('early', early), ('late', late)):
        for i in range(2):
            try:
                task.result()
            except asyncio.CancelledError as e:
                print(f'{name}: result() #{i + 1} gives', msg(e))


asyncio.run(main())
