# A closed loop refuses to schedule or run; close() drops what was pending
# and is idempotent.
import asyncio

loop = asyncio.new_event_loop()


def attempt(label, fn):
    try:
        fn()
    except RuntimeError as e:
        print(f'{label}: RuntimeError: {e}')
    else:
        print(f'{label}: no error')


def never():
    print('never runs: close() dropped it')


loop.call_soon(never)
loop.call_later(0.01, never)
fut = loop.create_future()
print('is_closed before:', loop.is_closed())
loop.close()
print('is_closed after:', loop.is_closed())
loop.close()
print('second close: no error')
attempt('call_soon', lambda: loop.call_soon(never))
attempt('call_later', lambda: loop.call_later(1, never))
attempt('call_at', lambda: loop.call_at(loop.time() + 1, never))
attempt('run_forever', loop.run_forever)
attempt('run_until_complete', lambda: loop.run_until_complete(fut))
attempt('create_future', loop.create_future)
attempt('set_result on a future of a closed loop with no callbacks',
        lambda: fut.set_result(1))
print('fut done:', fut.done())
other = loop.create_future()
other.add_done_callback(print)
attempt('set_result on one with a done callback',
        lambda: other.set_result(2))
print('other done anyway:', other.done(), other.result())
attempt('add_done_callback on a done future',
        lambda: other.add_done_callback(print))
print('is_running:', loop.is_running())
