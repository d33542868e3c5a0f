# The methods that do not wait work from plain callbacks: put_nowait()
# raises QueueFull on a full queue, get_nowait() QueueEmpty on an empty one,
# task_done() ValueError when called once too often; qsize(), empty(),
# full() and str() follow.
import asyncio


def step(q, name, *args):
    call = f'{name}({", ".join(repr(a) for a in args)})'
    try:
        result = getattr(q, name)(*args)
        print(f'{call} -> {result!r}, {q}')
    except (asyncio.QueueEmpty, asyncio.QueueFull) as e:
        print(f'{call} raised {type(e).__name__}, {q}')
    except ValueError as e:
        print(f'{call} raised {e}, {q}')


def main(loop, q):
    for name, *args in [('put_nowait', 'a'), ('put_nowait', "it's"),
                        ('put_nowait', 'c'), ('qsize',), ('full',),
                        ('get_nowait',), ('task_done',), ('get_nowait',),
                        ('get_nowait',), ('empty',), ('task_done',),
                        ('task_done',), ('task_done',)]:
        loop.call_soon(step, q, name, *args)
    loop.call_soon(loop.stop)


loop = asyncio.new_event_loop()
q = asyncio.Queue(maxsize=2)
print(q, q.maxsize, q.qsize(), q.empty(), q.full())
main(loop, q)
loop.run_forever()
q = asyncio.Queue()
for i in range(5):
    q.put_nowait(i)
print(q, q.full())
loop.close()
