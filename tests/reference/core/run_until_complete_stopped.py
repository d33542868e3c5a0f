# A loop stopped before the future completed raises
# "Event loop stopped before Future completed." and leaves the future
# pending, without the loop's done callback.
import asyncio

loop = asyncio.new_event_loop()
fut = loop.create_future()
loop.call_soon(print, 'callback before the stop')
loop.call_soon(loop.stop)
loop.call_soon(print, 'callback after the stop, same iteration')
try:
    loop.run_until_complete(fut)
except RuntimeError as e:
    print('RuntimeError:', e)
print('done:', fut.done())
print(fut)
loop.call_soon(fut.set_result, 'finally')
print('completed later:', loop.run_until_complete(fut))
loop.close()
