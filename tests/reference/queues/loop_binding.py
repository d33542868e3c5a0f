# A queue binds to the running loop the first time it has to wait; the
# methods that do not wait, and waiting methods that need not wait, work
# from any loop; waiting in another loop raises RuntimeError.
import asyncio


async def get(q):
    return await q.get()


async def put(q, item):
    await q.put(item)


q = asyncio.Queue(maxsize=1)
loop1 = asyncio.new_event_loop()
loop2 = asyncio.new_event_loop()
q.put_nowait('made outside')
print('loop2: get ->', loop2.run_until_complete(get(q)))
loop1.call_later(0.01, q.put_nowait, 'from loop1')
print('loop1: get ->', loop1.run_until_complete(get(q)))
print('loop2: put without waiting')
loop2.run_until_complete(put(q, 'x'))
try:
    loop2.run_until_complete(put(q, 'y'))
except RuntimeError as e:
    print('loop2: put that waits:', type(e).__name__,
          str(e).split('>')[-1].strip(), q)
try:
    loop2.run_until_complete(asyncio.wait_for(get(q), 1))
    print('loop2: get that need not wait works, then one that waits:')
    loop2.run_until_complete(get(q))
except RuntimeError as e:
    print(type(e).__name__, str(e).split('>')[-1].strip(), q)
loop1.close()
loop2.close()
