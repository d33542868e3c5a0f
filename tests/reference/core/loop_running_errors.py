# Running a loop that runs, closing it, or running another loop inside it is
# refused; the running loop is visible through get_running_loop().
import asyncio

loop = asyncio.new_event_loop()
other = asyncio.new_event_loop()


def attempt(label, fn):
    try:
        fn()
    except RuntimeError as e:
        print(f'{label}: RuntimeError: {e}')
    else:
        print(f'{label}: no error')


async def main():
    print('is_running inside:', loop.is_running())
    print('get_running_loop is loop:', asyncio.get_running_loop() is loop)
    fut = loop.create_future()
    attempt('run_forever', loop.run_forever)
    attempt('run_until_complete', lambda: loop.run_until_complete(fut))
    attempt('close', loop.close)
    attempt('other.run_forever', other.run_forever)
    attempt('other.run_until_complete',
            lambda: other.run_until_complete(other.create_future()))
    print('still running:', loop.is_running(), 'closed:', loop.is_closed())
    loop.call_soon(fut.set_result, 'the loop is fine')
    return await fut


print('is_running before:', loop.is_running())
attempt('get_running_loop outside', asyncio.get_running_loop)
print(loop.run_until_complete(main()))
print('is_running after:', loop.is_running())
print('other is_running:', other.is_running(), 'closed:', other.is_closed())
other.call_soon(print, 'other runs afterwards')
other.call_soon(other.stop)
other.run_forever()
other.close()
loop.close()
