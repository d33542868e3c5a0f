# Callbacks run in the order they were scheduled (FIFO), with their args.
import asyncio


def cb(name, n):
    print(f'{name} {n}')


loop = asyncio.new_event_loop()
for i in range(5):
    loop.call_soon(cb, 'a', i)
loop.call_soon(cb, 'b', 'last')
loop.call_soon(loop.stop)
loop.call_soon(cb, 'c', 'after stop, same iteration')
print('running')
loop.run_forever()
print('stopped')
loop.close()
