# Awaiting a future that is already done does not wait for an iteration;
# awaiting a pending one does.
import asyncio

loop = asyncio.new_event_loop()


async def main():
    done = loop.create_future()
    done.set_result('ready')
    loop.call_soon(print, 'callback queued before the awaits')
    print('awaiting a done future')
    value = await done
    print('got', value, 'without yielding')
    for _ in range(3):
        value = await done
    print('three more awaits, still no yield')

    failed = loop.create_future()
    failed.set_exception(ValueError('already failed'))
    try:
        await failed
    except ValueError as e:
        print('raised at once:', repr(e))

    cancelled = loop.create_future()
    cancelled.cancel()
    try:
        await cancelled
    except asyncio.CancelledError:
        print('CancelledError at once')

    pending = loop.create_future()
    loop.call_soon(pending.set_result, 'later')
    print('awaiting a pending future')
    print('got', await pending)
    return 'main done'


print(loop.run_until_complete(main()))
loop.close()
