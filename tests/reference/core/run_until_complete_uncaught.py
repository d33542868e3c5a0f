# A failed future's exception, uncaught, ends the program with exit code 1
# after the output so far.
import asyncio

loop = asyncio.new_event_loop()
fut = loop.create_future()
loop.call_soon(fut.set_exception, ValueError('nobody catches this'))
print('before')
loop.run_until_complete(fut)
print('never printed')
